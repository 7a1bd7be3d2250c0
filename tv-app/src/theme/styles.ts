// Shared text and surface styles built from the tokens.
import type { NodeStyles, TextStyles } from '@lightningtv/solid';
import { CARE_COLOR } from './care.ts';
import { COLOR, FONT, MOTION, SIZE } from './tokens.ts';

export const TEXT_BODY: TextStyles = { fontFamily: FONT.family, fontSize: FONT.body, color: COLOR.text };
export const TEXT_MUTED: TextStyles = {
  fontFamily: FONT.family,
  fontSize: FONT.caption,
  color: COLOR.textMuted,
};
export const TEXT_HEADING: TextStyles = {
  fontFamily: FONT.family,
  fontSize: FONT.heading,
  color: COLOR.text,
};
export const TEXT_TITLE: TextStyles = { fontFamily: FONT.family, fontSize: FONT.title, color: COLOR.text };
export const TEXT_HERO: TextStyles = { fontFamily: FONT.family, fontSize: FONT.hero, color: COLOR.text };

/** The focus ring: thick, bright and scaled, to be seen from across a room. */
export const FOCUSABLE_SURFACE: NodeStyles = {
  color: COLOR.surface,
  borderRadius: SIZE.radius,
  scale: 1,
  transition: { scale: { duration: MOTION.durationMs } },
  $focus: {
    color: COLOR.surfaceFocus,
    scale: MOTION.focusScale,
    border: { color: COLOR.focus, width: SIZE.focusBorder },
  },
};

/**
 * A tab that stays marked while chosen, focused or not: the colour is a state (`$chosen`), not a colour prop,
 * because leaving `$focus` restores the style's colour and would wash a prop's colour out.
 */
export const TAB_SURFACE: NodeStyles = {
  ...FOCUSABLE_SURFACE,
  $chosen: { color: CARE_COLOR.tabChosen },
};

/** A profile choice: an avatar disc over a name, big enough to read across a room. */
export const PROFILE_CARD = { width: 280, height: 330, avatar: 200 } as const;
export const PROFILE_CARD_STYLE: NodeStyles = {
  ...FOCUSABLE_SURFACE,
  width: PROFILE_CARD.width,
  height: PROFILE_CARD.height,
};
