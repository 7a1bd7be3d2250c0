import { ToolMissingError } from './errors.ts';
import { runProcess } from './run-process.ts';

/** The programs and font the generator runs; every path is resolved once, up front. */
export interface Toolchain {
  ffmpeg: string;
  ffprobe: string;
  espeakNg: string;
  /** The fontconfig family of the CJK font, for ffmpeg drawtext. */
  fontFamily: string;
}

/** The Debian packages that provide the toolchain; the project set-up script installs them. */
export const DEBIAN_PACKAGES = ['ffmpeg', 'espeak-ng', 'fonts-noto-cjk', 'fontconfig'] as const;

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

/**
 * The CJK font, by fontconfig family name: Debian's Noto CJK ships one .ttc per weight whose face 0 is
 * Japanese; given the family, fontconfig picks the simplified-Chinese face, which drawtext's fontfile cannot.
 * WenQuanYi Micro Hei is smaller but lacks the third-tone pinyin letters (ǎ ǒ ǐ ǔ) the pinyin lesson shows.
 */
export const CJK_FONT_FAMILY = 'Noto Sans CJK SC';

/**
 * Checks that fontconfig resolves the family to itself, as drawtext will; an unknown family silently falls
 * back to a Latin font, which would draw every Chinese character as a box.
 */
export async function findCjkFont(): Promise<string> {
  let match: string;
  try {
    ({ stdout: match } = await runProcess('fc-match', ['--format=%{family}', CJK_FONT_FAMILY]));
  } catch {
    throw new ToolMissingError('fc-match', 'fontconfig', 'needed to find the CJK font');
  }
  if (!match.split(',').includes(CJK_FONT_FAMILY)) {
    throw new ToolMissingError(
      `the font ${CJK_FONT_FAMILY}`,
      'fonts-noto-cjk',
      `fontconfig offers ${match} instead`,
    );
  }
  return CJK_FONT_FAMILY;
}

/** Checks every tool the generator needs, so a missing one fails before any work with a clear message. */
export async function findToolchain(): Promise<Toolchain> {
  const ffmpeg = await requireProgram('ffmpeg', '-version', 'ffmpeg');
  const ffprobe = await requireProgram('ffprobe', '-version', 'ffmpeg');
  await requireFfmpegFeatures(ffmpeg);
  const espeakNg = await requireProgram('espeak-ng', '--version', 'espeak-ng');
  await requireMandarinVoice(espeakNg);
  const fontFamily = await findCjkFont();
  return { ffmpeg, ffprobe, espeakNg, fontFamily };
}
