// The layout editor's pure steps: move, rename, remove rails and their lessons; what the API gets saved.
import { LAYOUT_RULES } from '@ketang/contract/layout-rules';
import type { components } from '../../shared/api/openapi.gen.ts';

export type LayoutRail = components['schemas']['LayoutRail'];
export type HomeLayout = components['schemas']['HomeLayout'];
export type HomeLayoutList = components['schemas']['HomeLayoutList'];
export type LayoutRule = Extract<LayoutRail, { kind: 'rule' }>['rule'];
export type Text = components['schemas']['Text'];

/** The rules a rail can follow, from the contract (the API validates with the same list). */
export const RULES: readonly LayoutRule[] = LAYOUT_RULES;

/** The rail at `index` moved by `by` places (kept inside the list). */
export function moveRail(rails: readonly LayoutRail[], index: number, by: -1 | 1): LayoutRail[] {
  const target = index + by;
  if (target < 0 || target >= rails.length) return [...rails];
  const next = [...rails];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

export function removeAt<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, position) => position !== index);
}

export function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((current, position) => (position === index ? item : current));
}

/** A title as typed: Chinese required, English left out when blank; no title at all when both are blank. */
export function titleOf(zh: string, en: string): Text | undefined {
  if (!zh.trim() && !en.trim()) return undefined;
  return { zh: zh.trim(), ...(en.trim() ? { en: en.trim() } : {}) };
}

/** A rule rail renamed (an empty title gives the rule its own title back). */
export function renameRail(rail: LayoutRail, title: Text | undefined): LayoutRail {
  if (rail.kind === 'curated') return { ...rail, title: title ?? { zh: '' } };
  const { title: _old, ...rest } = rail;
  return title ? { ...rest, title } : rest;
}

/** The rules not in the layout yet (each rule once; `today` only on top). */
export function rulesLeft(rails: readonly LayoutRail[]): LayoutRule[] {
  const used = new Set(rails.flatMap((rail) => (rail.kind === 'rule' ? [rail.rule] : [])));
  return RULES.filter((rule) => !used.has(rule));
}

/** A rule rail added: `today` goes on top (the TV shows a child's day first), the others at the end. */
export function addRule(rails: readonly LayoutRail[], rule: LayoutRule): LayoutRail[] {
  const rail: LayoutRail = { kind: 'rule', rule };
  return rule === 'today' ? [rail, ...rails] : [...rails, rail];
}

/** Which rail and field an API problem names (`body.rails.2.lessonIds.1` → rail 2). */
export function railOfProblem(path: string): number | undefined {
  const match = /^body\.rails\.(\d+)/.exec(path);
  return match ? Number(match[1]) : undefined;
}
