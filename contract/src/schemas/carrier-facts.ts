// The carrier configuration's plain facts, without zod: the TV's reader and the contract's schema share them
// (exported also as `@ketang/contract/carrier-facts`, so the TV bundle stays free of zod).

/** The document version this code reads; a newer carrier.json is refused by name. */
export const CARRIER_SCHEMA_VERSION = 1;

/** The remote's actions a carrier may bind: arrows, OK, Back, media keys, Info, Profiles (blue) and digits. */
export const KEY_ACTIONS = [
  'Left',
  'Right',
  'Up',
  'Down',
  'Enter',
  'Back',
  'PlayPause',
  'Play',
  'Pause',
  'Stop',
  'Rewind',
  'FastForward',
  'Info',
  'Profiles',
  'Digit0',
  'Digit1',
  'Digit2',
  'Digit3',
  'Digit4',
  'Digit5',
  'Digit6',
  'Digit7',
  'Digit8',
  'Digit9',
] as const;
export type KeyAction = (typeof KEY_ACTIONS)[number];

export const COLOUR_NAMES = ['background', 'surface', 'primary', 'accent', 'focus', 'text'] as const;
export type ColourName = (typeof COLOUR_NAMES)[number];
export const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

/** WCAG 2 AA for body text: the app's text over its background. */
export const MIN_TEXT_CONTRAST = 4.5;

function channelLuminance(byte: number): number {
  const c = byte / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function relativeLuminance(hex: string): number {
  const value = Number.parseInt(hex.slice(1), 16);
  const r = channelLuminance(value >> 16);
  const g = channelLuminance((value >> 8) & 0xff);
  const b = channelLuminance(value & 0xff);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Why text on background is unreadable, or undefined: one message both readers give. */
export function textContrastProblem(text: string, background: string): string | undefined {
  const ratio = contrastRatio(text, background);
  if (ratio >= MIN_TEXT_CONTRAST) return undefined;
  return `text ${text} on background ${background} has contrast ${ratio.toFixed(2)}:1, needs at least ${MIN_TEXT_CONTRAST}:1`;
}

/** A logo is a file beside carrier.json: a plain name, PNG or SVG. */
export const LOGO_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]*\.(png|svg)$/;

/**
 * Where a box's loader and the app keep which installed version is good (localStorage, same origin): the
 * loader (tools/carrier/loader) tries the newest once; the app marks its version good once its home is focused.
 */
export const BOOT_STATE_KEY = 'ketang.loader';
