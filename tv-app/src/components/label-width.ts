// How wide a one-line label draws, estimated from its characters: the renderer measures text only once it has
// drawn it, and a column must know its width before. In Noto Sans CJK (the app's font) Chinese characters and
// full-width punctuation are one em wide; Latin letters, digits and ASCII punctuation are at most 0.6 em.
const ZERO_WIDTH = /[\u200b-\u200d\ufeff]/;
const LATIN_EM = 0.6;

export function estimateLabelWidth(label: string, fontSize: number): number {
  let ems = 0;
  for (const char of label) {
    if (ZERO_WIDTH.test(char)) continue;
    ems += char.charCodeAt(0) < 0x80 ? LATIN_EM : 1;
  }
  return Math.ceil(ems * fontSize);
}

/** The width a column needs so its longest label fits on one line beside `inset`, within `min` and `max`. */
export function fitColumnWidth(
  labels: readonly string[],
  options: { min: number; max: number; fontSize: number; inset: number },
): number {
  const widest = Math.max(0, ...labels.map((label) => estimateLabelWidth(label, options.fontSize)));
  return Math.min(options.max, Math.max(options.min, widest + options.inset));
}
