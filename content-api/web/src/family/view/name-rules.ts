// What the server accepts as a name and a PIN (docs/family.md), checked before sending.
export const NAME_MAX = 12;

/** 1–12 characters after trimming, counted as the server counts them (code points: 一 is one). */
export function isValidName(name: string): boolean {
  const length = [...name.trim()].length;
  return length >= 1 && length <= NAME_MAX;
}

export const isValidPin = (pin: string) => /^\d{4,6}$/.test(pin);
