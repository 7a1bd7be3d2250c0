import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ToolPaths } from '../../../packager/src/index.ts';

const GNU_TIME = '/usr/bin/time';

/**
 * Wraps ffmpeg and Shaka Packager so every run appends its peak resident memory (KiB) to a log,
 * via GNU time. Without GNU time the tools run unwrapped and peak memory reads as unknown.
 */
export function makeTimedTools(
  tools: ToolPaths,
  dir: string,
  label: string,
): { tools: ToolPaths; peakMiB: () => number | undefined } {
  if (!existsSync(GNU_TIME)) return { tools, peakMiB: () => undefined };
  const log = path.join(dir, `${label}.rss.log`);
  writeFileSync(log, '');
  const wrap = (name: string, binary: string) => {
    const script = path.join(dir, `${label}-${name}`);
    writeFileSync(script, `#!/bin/sh\nexec ${GNU_TIME} -f '%M' -a -o '${log}' '${binary}' "$@"\n`);
    chmodSync(script, 0o755);
    return script;
  };
  const timed = {
    ...tools,
    ffmpeg: wrap('ffmpeg', tools.ffmpeg),
    shakaPackager: wrap('packager', tools.shakaPackager),
  };
  const peakMiB = () => {
    const values = readFileSync(log, 'utf8')
      .split('\n')
      .map(Number)
      .filter((n) => n > 0);
    return values.length ? Math.round(Math.max(...values) / 1024) : undefined;
  };
  return { tools: timed, peakMiB };
}
