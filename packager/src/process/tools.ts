import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PackagerError } from '../errors.ts';

export interface ToolPaths {
  ffmpeg: string;
  ffprobe: string;
  shakaPackager: string;
}

const SHAKA_BINARIES: Record<string, string> = {
  'linux-x64': 'packager-linux-x64',
  'linux-arm64': 'packager-linux-arm64',
  'darwin-x64': 'packager-osx-x64',
  'darwin-arm64': 'packager-osx-arm64',
  'win32-x64': 'packager-win-x64.exe',
};

/** Where the tools live: env overrides (FFMPEG, FFPROBE, SHAKA_PACKAGER), else PATH and the npm package. */
export function resolveToolPaths(env: NodeJS.ProcessEnv = process.env): ToolPaths {
  return {
    ffmpeg: env.FFMPEG ?? findOnPath('ffmpeg', 'apt-get install ffmpeg'),
    ffprobe: env.FFPROBE ?? findOnPath('ffprobe', 'apt-get install ffmpeg'),
    shakaPackager: env.SHAKA_PACKAGER ?? findShakaPackager(),
  };
}

function findOnPath(tool: string, hint: string): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, tool);
    if (dir && existsSync(candidate)) return candidate;
  }
  throw new PackagerError('tool.missing', { tool, hint });
}

/** The binary ships inside the npm package `shaka-packager`, one per platform under bin/. */
function findShakaPackager(): string {
  const binary = SHAKA_BINARIES[`${process.platform}-${process.arch}`];
  const hint = 'npm install -w packager shaka-packager';
  if (!binary) throw new PackagerError('tool.missing', { tool: 'shaka-packager', hint: process.platform });
  try {
    const packageJson = createRequire(import.meta.url).resolve('shaka-packager/package.json');
    const candidate = path.join(path.dirname(packageJson), 'bin', binary);
    if (existsSync(candidate)) return candidate;
  } catch {
    // Reported below with an install hint.
  }
  throw new PackagerError('tool.missing', { tool: 'shaka-packager', hint });
}
