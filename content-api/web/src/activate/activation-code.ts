// The code the TV shows (docs/activation.md): 8 characters of an alphabet without look-alikes, shown 4-4. The
// phone forgives case, spaces and the dash; the API checks it again.
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 8;

/** What was typed or scanned, upper-cased without spaces or dashes. */
export function normalizeCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

export function isCompleteCode(typed: string): boolean {
  const code = normalizeCode(typed);
  return code.length === CODE_LENGTH && [...code].every((char) => CODE_ALPHABET.includes(char));
}

/** `abcd2345` → `ABCD-2345` while typing: a dash after the fourth character. */
export function formatCode(typed: string): string {
  const code = normalizeCode(typed).slice(0, CODE_LENGTH);
  return code.length > 4 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

/**
 * The code in a fragment such as `#c=ABCD2345` (the TV's QR code), or null. The fragment never reaches a
 * server or its logs; the page clears it from the address bar once read.
 */
export function takeCodeFromHash(location: Location, history: History): string | null {
  const code = new URLSearchParams(location.hash.replace(/^#/, '')).get('c');
  if (!code) return null;
  history.replaceState(history.state, '', location.pathname + location.search);
  return formatCode(code);
}
