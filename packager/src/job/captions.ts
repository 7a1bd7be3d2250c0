import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CaptionInput } from '../config/job-options.schema.ts';
import { InputError } from '../errors.ts';

/** Checks every caption file up front: present, WebVTT, one per language. */
export async function checkCaptions(captions: CaptionInput[]): Promise<CaptionInput[]> {
  const seen = new Set<string>();
  const checked: CaptionInput[] = [];
  for (const caption of captions) {
    const file = path.resolve(caption.file);
    if (seen.has(caption.language)) {
      throw new InputError('config.caption', { file, reason: `duplicate language ${caption.language}` });
    }
    seen.add(caption.language);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new InputError('config.caption', {
        file,
        reason: (error as NodeJS.ErrnoException).code ?? String(error),
      });
    }
    if (!text.replace(/^\uFEFF/, '').startsWith('WEBVTT')) {
      throw new InputError('config.caption', { file, reason: 'not WebVTT (no WEBVTT header)' });
    }
    checked.push({ ...caption, file });
  }
  return checked;
}
