// Design tokens of the activation screen: the code is read from across a room, the QR code scanned from the sofa.
import type { TextStyles } from '@lightningtv/solid';
import { COLOR, FONT, SPACE } from './tokens.ts';

export const ACTIVATION_SIZE = {
  code: 150,
  codeLetterSpacing: 16,
  /** The QR code's side without its quiet zone, about. */
  qr: 560,
  /** The left column: title, hint, code and countdown. */
  columnWidth: 1060,
} as const;

export const ACTIVATION_Y = {
  title: SPACE.screenY + 40,
  hint: SPACE.screenY + 130,
  typeAt: SPACE.screenY + 240,
  codeLabel: SPACE.screenY + 340,
  code: SPACE.screenY + 380,
  expiresLabel: SPACE.screenY + 610,
  countdown: SPACE.screenY + 650,
  status: SPACE.screenY + 830,
  button: SPACE.screenY + 890,
} as const;

export const TEXT_ACTIVATION_CODE: TextStyles = {
  fontFamily: FONT.family,
  fontSize: ACTIVATION_SIZE.code,
  color: COLOR.focus,
  letterSpacing: ACTIVATION_SIZE.codeLetterSpacing,
};
