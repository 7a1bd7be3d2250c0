import { describe, expect, it } from 'vitest';
import type { Controls } from '../../shared/api/family-types.ts';
import { draftProblem, stepQuota, toControls, toDraft, toggleId } from './controls-draft.ts';

const NONE: Controls = {
  dailyQuotaMinutes: null,
  breakEveryMinutes: 20,
  breakMinutes: 5,
  bedtime: null,
  allowList: null,
};

describe('controls draft', () => {
  it('round-trips the API controls, break settings untouched', () => {
    const set: Controls = {
      dailyQuotaMinutes: 45,
      breakEveryMinutes: 30,
      breakMinutes: 3,
      bedtime: { start: '20:30', end: '06:45' },
      allowList: { subjectIds: ['shuxue'], sectionIds: ['kehou'] },
    };
    expect(toControls(toDraft(set), set)).toEqual(set);
    expect(toControls(toDraft(NONE), NONE)).toEqual(NONE);
  });

  it('turning a rule on starts from a sensible value', () => {
    const draft = { ...toDraft(NONE), hasQuota: true, hasBedtime: true };
    expect(toControls(draft, NONE)).toMatchObject({
      dailyQuotaMinutes: 60,
      bedtime: { start: '21:00', end: '07:00' },
    });
  });

  it('steps the quota by 5 minutes within 5–600, snapping odd values', () => {
    expect(stepQuota(60, 1)).toBe(65);
    expect(stepQuota(62, 1)).toBe(60);
    expect(stepQuota(5, -1)).toBe(5);
    expect(stepQuota(600, 1)).toBe(600);
  });

  it('refuses an allow-list that allows nothing', () => {
    const draft = { ...toDraft(NONE), hasAllowList: true };
    expect(draftProblem(draft)).toBe('family.controls.allowListEmpty');
    expect(draftProblem({ ...draft, subjectIds: toggleId([], 'yuwen') })).toBeNull();
    expect(toggleId(['yuwen'], 'yuwen')).toEqual([]);
  });
});
