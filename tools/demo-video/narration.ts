import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Narration } from './lesson-script.schema.ts';
import { VOICES, type NarrationLanguage } from './render-profile.ts';
import { runProcess } from './run-process.ts';
import type { Toolchain } from './toolchain.ts';
import { parseWav, type PcmAudio } from './wav.ts';

/** espeak-ng arguments speaking the text in `textFile` (a file, so no text is ever read as an option). */
export function buildEspeakArgs(language: NarrationLanguage, textFile: string, outputWav: string): string[] {
  const { voice, wordsPerMinute } = VOICES[language];
  return ['-v', voice, '-s', String(wordsPerMinute), '-b', '1', '-f', textFile, '-w', outputWav];
}

export type SlideNarrationAudio = Partial<Record<NarrationLanguage, PcmAudio>> & { zh: PcmAudio };

async function speak(
  text: string,
  language: NarrationLanguage,
  basePath: string,
  toolchain: Toolchain,
): Promise<PcmAudio> {
  await writeFile(`${basePath}.txt`, text);
  await runProcess(toolchain.espeakNg, buildEspeakArgs(language, `${basePath}.txt`, `${basePath}.wav`));
  return parseWav(await readFile(`${basePath}.wav`));
}

/** Speaks each slide's narration (Chinese, and English where the script has it) with espeak-ng. */
export async function synthesiseNarration(
  narrations: readonly Narration[],
  workDir: string,
  toolchain: Toolchain,
): Promise<SlideNarrationAudio[]> {
  const result: SlideNarrationAudio[] = [];
  for (const [slideIndex, narration] of narrations.entries()) {
    const basePath = join(workDir, `narration-${slideIndex}`);
    const zh = await speak(narration.zh, 'zh', `${basePath}-zh`, toolchain);
    const en =
      narration.en === undefined ? undefined : await speak(narration.en, 'en', `${basePath}-en`, toolchain);
    result.push(en ? { zh, en } : { zh });
  }
  return result;
}
