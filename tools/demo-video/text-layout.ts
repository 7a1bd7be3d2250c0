/**
 * Line wrapping by estimated width, for slides (drawtext cannot wrap) and captions. Widths are in em:
 * CJK and full-width characters are 1 em; Latin letters, digits and punctuation about 0.55 em.
 */

/** Hangul jamo, CJK radicals to Yi, Hangul syllables, compatibility ideographs and forms, full-width forms. */
const WIDE_RANGES =
  '\\u1100-\\u115f\\u2e80-\\ua4cf\\uac00-\\ud7a3\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uff60\\uffe0-\\uffe6';
const WIDE_CHARACTER = new RegExp(`[${WIDE_RANGES}]`, 'u');
/** Breakable units: each wide character alone, a run of spaces, or a run of other (narrow) characters. */
const BREAKABLE_UNIT = new RegExp(`[${WIDE_RANGES}]|\\s+|[^\\s${WIDE_RANGES}]+`, 'gu');
/** Characters that must not start a line (Chinese line-breaking rules). */
const NO_LINE_START = new Set([...'，。、；：！？）》」』”’,.;:!?)']);
const NARROW_CHARACTER_EM = 0.55;

export function measureTextEm(text: string): number {
  let width = 0;
  for (const character of text) width += WIDE_CHARACTER.test(character) ? 1 : NARROW_CHARACTER_EM;
  return width;
}

/** Greedy wrap to `maxEm` per line; a unit wider than a line gets a line of its own. */
export function wrapText(text: string, maxEm: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const unit of text.trim().match(BREAKABLE_UNIT) ?? []) {
    const isSpace = /^\s+$/.test(unit);
    if (line === '' || isSpace || NO_LINE_START.has(unit[0] ?? '') || measureTextEm(line + unit) <= maxEm) {
      if (!(line === '' && isSpace)) line += unit;
      continue;
    }
    lines.push(line.trimEnd());
    line = unit;
  }
  if (line.trim()) lines.push(line.trim());
  return lines;
}

/** Characters after which a caption line may break naturally (clause ends). */
const CLAUSE_END = /[，。、；：！？,;:!?]/u;

/**
 * Splits a caption into at most two lines of roughly equal width, preferring a break after a clause end
 * (a comma or full stop) so each line reads as a phrase; falls back to greedy wrapping for long text.
 */
export function splitCaptionLines(text: string, maxEm: number): string[] {
  const trimmed = text.trim();
  const total = measureTextEm(trimmed);
  if (total <= maxEm) return [trimmed];
  const characters = [...trimmed];
  let best: { index: number; longest: number } | undefined;
  characters.forEach((character, index) => {
    if (index === characters.length - 1 || !(CLAUSE_END.test(character) || character === ' ')) return;
    const first = measureTextEm(
      characters
        .slice(0, index + 1)
        .join('')
        .trimEnd(),
    );
    const longest = Math.max(first, total - first);
    if (longest <= maxEm && (!best || longest < best.longest)) best = { index, longest };
  });
  if (!best) return wrapText(trimmed, total / 2 < maxEm ? total / 2 + 1 : maxEm);
  return [
    characters
      .slice(0, best.index + 1)
      .join('')
      .trim(),
    characters
      .slice(best.index + 1)
      .join('')
      .trim(),
  ];
}
