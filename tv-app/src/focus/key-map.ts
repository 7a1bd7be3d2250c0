// The remote's keys as data: each action lists the `key` names and numeric key codes that trigger it.
// A carrier overrides entries through its configuration (see config.ts); unknown actions are rejected here.
import { KEY_ACTIONS, type KeyAction } from '@ketang/contract/carrier-facts';

// The action list is the contract's (a carrier document binds the same actions).
export { KEY_ACTIONS, type KeyAction };

export type KeyBinding = string | number;
export type KeyMapData = Record<KeyAction, KeyBinding[]>;

const DIGITS = Object.fromEntries(
  Array.from({ length: 10 }, (_, n) => [`Digit${n}`, [String(n), 48 + n, 96 + n]]),
) as Record<`Digit${0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}`, KeyBinding[]>;

export const DEFAULT_KEY_MAP: KeyMapData = {
  Left: ['ArrowLeft', 37],
  Right: ['ArrowRight', 39],
  Up: ['ArrowUp', 38],
  Down: ['ArrowDown', 40],
  Enter: ['Enter', 13],
  // 461: LG webOS and HbbTV Back; 10009: Samsung Tizen Return.
  Back: ['Backspace', 'Escape', 'BrowserBack', 'GoBack', 8, 27, 461, 10009],
  PlayPause: ['MediaPlayPause', ' ', 179, 463],
  Play: ['MediaPlay', 415],
  Pause: ['MediaPause', 19],
  Stop: ['MediaStop', 413, 178],
  Rewind: ['MediaRewind', 412, 227],
  FastForward: ['MediaFastForward', 417, 228],
  Info: ['i', 'Info', 457],
  // Who is watching: the blue colour key (HbbTV/webOS 406, Tizen 'ColorF3Blue'), `p` on a keyboard.
  Profiles: ['p', 'ColorF3Blue', 406],
  ...DIGITS,
};

/** Merges carrier overrides: an action's list replaces the default list for that action. */
export function mergeKeyMap(base: KeyMapData, overrides: Partial<Record<string, unknown>>): KeyMapData {
  const merged: KeyMapData = { ...base };
  for (const [action, bindings] of Object.entries(overrides)) {
    if (!KEY_ACTIONS.includes(action as KeyAction)) {
      throw new Error(`keyMap.${action}: unknown action (expected one of ${KEY_ACTIONS.join(', ')})`);
    }
    const isList =
      Array.isArray(bindings) && bindings.every((b) => typeof b === 'string' || Number.isInteger(b));
    if (!isList) throw new Error(`keyMap.${action}: expected a list of key names and key codes`);
    merged[action as KeyAction] = bindings as KeyBinding[];
  }
  return merged;
}

/** Which action a keyboard event triggers, or undefined. Key names win over codes. */
export function resolveKeyAction(
  keyMap: KeyMapData,
  event: { key?: string; keyCode?: number },
): KeyAction | undefined {
  for (const action of KEY_ACTIONS) {
    if (event.key !== undefined && keyMap[action].includes(event.key)) return action;
  }
  for (const action of KEY_ACTIONS) {
    if (event.keyCode !== undefined && keyMap[action].includes(event.keyCode)) return action;
  }
  return undefined;
}
