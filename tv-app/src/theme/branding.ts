// A carrier's colours into the theme tokens: the one place branding touches the look. It runs once at boot,
// before the screens' modules are loaded (index.tsx), because styles are built from the tokens when loaded.
import type { CarrierBranding } from '@ketang/contract';
import { COLOR } from './tokens.ts';

/** `#rrggbb` with an alpha byte, as the renderer takes colours (0xRRGGBBAA). */
function toRgba(hex: string, alpha = 0xff): number {
  return ((Number.parseInt(hex.slice(1), 16) << 8) | alpha) >>> 0;
}

/** A colour between two `#rrggbb` colours (`share` of `b`), for tokens the carrier does not name. */
function mix(a: string, b: string, share: number): string {
  const [x, y] = [Number.parseInt(a.slice(1), 16), Number.parseInt(b.slice(1), 16)];
  const channel = (shift: number) =>
    Math.round(((x >> shift) & 0xff) * (1 - share) + ((y >> shift) & 0xff) * share);
  return `#${((channel(16) << 16) | (channel(8) << 8) | channel(0)).toString(16).padStart(6, '0')}`;
}

export function applyBrandingColours({ colours }: CarrierBranding): void {
  Object.assign(COLOR, {
    background: toRgba(colours.background),
    surface: toRgba(colours.surface),
    surfaceRaised: toRgba(mix(colours.surface, colours.primary, 0.5)),
    surfaceFocus: toRgba(colours.primary),
    text: toRgba(colours.text),
    textMuted: toRgba(mix(colours.text, colours.background, 0.3)),
    textOnFocus: toRgba(colours.background),
    focus: toRgba(colours.focus),
    accent: toRgba(colours.accent),
    progressFill: toRgba(colours.focus),
    imagePlaceholder: toRgba(mix(colours.surface, colours.primary, 0.5)),
    captionBand: toRgba(colours.background, 0xe6),
  });
  // The page behind the transparent canvas paints the background (public/styles.css).
  document.documentElement.style.background = colours.background;
}
