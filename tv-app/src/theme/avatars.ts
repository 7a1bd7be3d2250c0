// The avatars the app ships (the contract's AVATARS: an id and a colour each; a profile's colour is its
// avatar's). Drawn as a colour disc with the animal's glyph from the locale files: no pictures to fetch.
export const AVATAR_IDS = [
  'panda',
  'tiger',
  'rabbit',
  'monkey',
  'elephant',
  'fox',
  'frog',
  'penguin',
] as const;
export type AvatarId = (typeof AVATAR_IDS)[number];

export const AVATAR_COLOR: Record<AvatarId, number> = {
  panda: 0x3a3a3aff,
  tiger: 0xf08a24ff,
  rabbit: 0xf2a7c3ff,
  monkey: 0xa0703cff,
  elephant: 0x7f98b2ff,
  fox: 0xe4572eff,
  frog: 0x5bb85dff,
  penguin: 0x2e5c8aff,
};

export const AVATAR_SIZE = { large: 200, small: 56 } as const;
/** A light ring keeps dark discs (panda, penguin) visible on the dark background. */
export const AVATAR_RING = { color: 0xf5f7faff, width: 6 } as const;

export function isAvatarId(id: string): id is AvatarId {
  return (AVATAR_IDS as readonly string[]).includes(id);
}

/** A profile's colour from the API (`#RRGGBB`) as the renderer's 0xRRGGBBAA; the avatar's when unreadable. */
export function profileColor(color: string, avatar: string): number {
  const match = /^#([0-9a-f]{6})$/i.exec(color);
  if (match) return Number.parseInt(`${match[1]}ff`, 16) >>> 0;
  return isAvatarId(avatar) ? AVATAR_COLOR[avatar] : AVATAR_COLOR.panda;
}
