// A deep link at launch on a box without a profile is held through profile creation or choice, then opened.
import { describe, expect, it } from 'vitest';
import { openOrHold, takeHeldLink } from './held-link.ts';

describe('held deep links', () => {
  it('opens at once while a profile is watching, holding nothing', () => {
    const opened: string[] = [];
    openOrHold('/lesson/a', true, (route) => opened.push(route));
    expect(opened).toEqual(['/lesson/a']);
    expect(takeHeldLink()).toBeUndefined();
  });

  it('holds the link without a profile and hands it over once, the newest winning', () => {
    const opened: string[] = [];
    openOrHold('/lesson/a', false, (route) => opened.push(route));
    openOrHold('/play/b', false, (route) => opened.push(route));
    expect(opened).toEqual([]);
    expect(takeHeldLink()).toBe('/play/b');
    expect(takeHeldLink()).toBeUndefined();
  });

  it('drops a held link when a newer one opens while watching', () => {
    const opened: string[] = [];
    openOrHold('/lesson/a', false, (route) => opened.push(route));
    openOrHold('/channels/c', true, (route) => opened.push(route));
    expect(opened).toEqual(['/channels/c']);
    expect(takeHeldLink()).toBeUndefined();
  });
});
