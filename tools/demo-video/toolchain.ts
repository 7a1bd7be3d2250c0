import { access } from 'node:fs/promises';
import { ToolMissingError } from './errors.ts';
import { runProcess } from './run-process.ts';

/** The programs and font the generator runs; every path is resolved once, up front. */
export interface Toolchain {
  ffmpeg: string;
  ffprobe: string;
  espeakNg: string;
  /** A CJK font whose first face covers simplified Chinese, for ffmpeg drawtext. */
  fontFile: string;
}

/** The Debian packages that provide the toolchain; the project set-up script installs them. */
export const DEBIAN_PACKAGES = ['ffmpeg', 'espeak-ng', 'fonts-wqy-microhei', 'fontconfig'] as const;

/**
 * Fonts whose face 0 is a simplified-Chinese face (drawtext always opens face 0 of a .ttc), most preferred
 * first. WenQuanYi Micro Hei is 5 MB installed, against about 90 MB for fonts-noto-cjk.
 */
const CJK_FONT_FAMILIES = ['WenQuanYi Micro Hei', 'WenQuanYi Zen Hei'];

async function requireProgram(program: string, versionArg: string, debianPackage: string): Promise<string> {
  try {
    await runProcess(program, [versionArg]);
    return program;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found on PATH' : String(error);
    throw new ToolMissingError(program, debianPackage, reason);
  }
}

async function requireFfmpegFeatures(ffmpeg: string): Promise<void> {
  const { stdout: filters } = await runProcess(ffmpeg, ['-hide_banner', '-filters']);
  const { stdout: encoders } = await runProcess(ffmpeg, ['-hide_banner', '-encoders']);
  for (const [feature, listing] of [
    [' drawtext ', filters],
    [' libx264 ', encoders],
  ] as const) {
    if (!listing.includes(feature)) {
      throw new ToolMissingError('ffmpeg', 'ffmpeg', `this build lacks${feature}(Debian's ffmpeg has it)`);
    }
  }
}

async function requireMandarinVoice(espeakNg: string): Promise<void> {
  const { stdout } = await runProcess(espeakNg, ['--voices=cmn']);
  if (!/\bcmn\b/.test(stdout)) {
    throw new ToolMissingError('espeak-ng Mandarin voice (cmn)', 'espeak-ng-data', 'voice cmn not listed');
  }
}

/** Finds a CJK font through fontconfig, preferring the families listed above. */
export async function findCjkFont(): Promise<string> {
  let listing: string;
  try {
    ({ stdout: listing } = await runProcess('fc-list', [':lang=zh-cn', 'family', 'file']));
  } catch {
    throw new ToolMissingError('fc-list', 'fontconfig', 'needed to find a CJK font');
  }
  const fonts = listing
    .split('\n')
    .map((line) => line.split(': '))
    .filter((parts): parts is [string, string] => parts.length === 2);
  for (const family of CJK_FONT_FAMILIES) {
    const match = fonts.find(([, families]) => families.split(',')[0] === family);
    if (match) {
      await access(match[0]);
      return match[0];
    }
  }
  throw new ToolMissingError(
    'a CJK font',
    'fonts-wqy-microhei',
    `none of ${CJK_FONT_FAMILIES.join(', ')} found`,
  );
}

/** Checks every tool the generator needs, so a missing one fails before any work with a clear message. */
export async function findToolchain(): Promise<Toolchain> {
  const ffmpeg = await requireProgram('ffmpeg', '-version', 'ffmpeg');
  const ffprobe = await requireProgram('ffprobe', '-version', 'ffmpeg');
  await requireFfmpegFeatures(ffmpeg);
  const espeakNg = await requireProgram('espeak-ng', '--version', 'espeak-ng');
  await requireMandarinVoice(espeakNg);
  const fontFile = await findCjkFont();
  return { ffmpeg, ffprobe, espeakNg, fontFile };
}
