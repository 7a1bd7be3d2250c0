// The PIN pad's digits and the two-step "set a PIN" flow (enter, then enter again). Pure.
export const PIN_LENGTH = 4;

/** `length`: a PIN's four, or another code's (a draft preview's six). */
export function addDigit(pin: string, digit: string, length = PIN_LENGTH): string {
  return pin.length >= length || !/^\d$/.test(digit) ? pin : pin + digit;
}

export function removeDigit(pin: string): string {
  return pin.slice(0, -1);
}

export function isComplete(pin: string, length = PIN_LENGTH): boolean {
  return pin.length === length;
}

/** The digit a key map action names ('Digit7' → '7'), or undefined. */
export function digitOfAction(action: string | undefined): string | undefined {
  const match = /^Digit(\d)$/.exec(action ?? '');
  return match?.[1];
}

export type NewPinStep =
  | { step: 'enter' }
  | { step: 'confirm'; first: string }
  | { step: 'mismatch' }
  | { step: 'done'; pin: string };

/** One complete entry moves the "set a PIN" flow on: the second entry must match the first. */
export function nextNewPinStep(state: NewPinStep, pin: string): NewPinStep {
  if (state.step === 'confirm') return state.first === pin ? { step: 'done', pin } : { step: 'mismatch' };
  return { step: 'confirm', first: pin };
}
