// Lightning's renderer breaks lines only at spaces and U+200B. Chinese has neither between words, so
// put a zero-width space between characters wherever a line may break (never before closing or after
// opening punctuation, the basic rule of Chinese typesetting).
const ZERO_WIDTH_SPACE = '\u200b';
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;
const NO_BREAK_BEFORE = /[，。、；：！？）》」』】〕〉”’·…—,.;:!?)\]]/;
const NO_BREAK_AFTER = /[（《「『【〔〈“‘([]/;

function canBreakBetween(before: string, after: string): boolean {
  if (!CJK.test(before) && !CJK.test(after)) return false;
  if (before === ' ' || after === ' ' || before === ZERO_WIDTH_SPACE) return false;
  return !NO_BREAK_BEFORE.test(after) && !NO_BREAK_AFTER.test(before);
}

export function wrapCjk(text: string): string {
  const chars = [...text];
  let out = chars[0] ?? '';
  for (let i = 1; i < chars.length; i++) {
    if (canBreakBetween(chars[i - 1]!, chars[i]!)) out += ZERO_WIDTH_SPACE;
    out += chars[i];
  }
  return out;
}
