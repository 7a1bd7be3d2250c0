// The PIN pad's digits and the two-step "set a PIN" flow (enter, then enter again). Pure.
export const PIN_LENGTH = 4;

export function addDigit(pin: string, digit: string): string {
  return pin.length >= PIN_LENGTH || !/^\d$/.test(digit) ? pin : pin + digit;
}

export function removeDigit(pin: string): string {
  return pin.slice(0, -1);
}

export function isComplete(pin: string): boolean {
  return pin.length === PIN_LENGTH;
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
