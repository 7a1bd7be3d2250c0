// The choices the Settings page steps through with Left/Right (or OK), and how a change builds new controls.
// The server's defaults (break every 20 min primary, 30 secondary) arrive with the profile; a value that is
// not among the presets (set from the phone) stays choosable where it is.
import type { Controls } from '../api/family-types.ts';
import type { Bedtime } from './bedtime.ts';

type AllowList = NonNullable<Controls['allowList']>;

export const QUOTA_CHOICES: (number | null)[] = [null, 30, 45, 60, 90, 120];
export const BREAK_CHOICES: number[] = [10, 15, 20, 25, 30, 40, 45, 60];
export const BEDTIME_CHOICES: (Bedtime | null)[] = [
  null,
  { start: '20:30', end: '07:00' },
  { start: '21:00', end: '07:00' },
  { start: '21:30', end: '07:00' },
  { start: '22:00', end: '07:00' },
];

function sameChoice<T>(a: T, b: T): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The choice `step` places from `current` (wrapping), with `current` kept in the cycle if it is not a preset. */
export function stepChoice<T>(choices: T[], current: T, step: number): T {
  const list = choices.some((c) => sameChoice(c, current)) ? choices : [current, ...choices];
  const index = list.findIndex((c) => sameChoice(c, current));
  return list[(index + step + list.length * Math.abs(step)) % list.length] as T;
}

/** Turns a subject or section on or off in the allow-list; an empty list still means "only these" (none). */
export function toggleAllowed(
  allowList: AllowList | null,
  kind: 'subjectIds' | 'sectionIds',
  id: string,
): AllowList {
  const current = allowList ?? { subjectIds: [], sectionIds: [] };
  const ids = current[kind].includes(id) ? current[kind].filter((x) => x !== id) : [...current[kind], id];
  return { ...current, [kind]: ids };
}

export function isAllowed(allowList: AllowList | null, kind: 'subjectIds' | 'sectionIds', id: string) {
  return allowList === null || allowList[kind].includes(id);
}

/** Controls with one field changed, as the PUT body wants them whole. */
export function withControl<K extends keyof Controls>(
  controls: Controls,
  key: K,
  value: Controls[K],
): Controls {
  return { ...controls, [key]: value };
}
