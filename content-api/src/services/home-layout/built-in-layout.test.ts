import { describe, expect, it } from 'vitest';
import { BUILT_IN_RAILS, BUILT_IN_STAGE, chooseLayout } from './built-in-layout.ts';

const all = { stage: 'all', rails: [{ kind: 'rule' as const, rule: 'sections' as const }] };
const primary = { stage: 'primary', rails: [{ kind: 'rule' as const, rule: 'onAir' as const }] };

describe('the layout a home follows', () => {
  it('is its stage’s own, else the one for every stage, else the built-in one', () => {
    expect(chooseLayout([all, primary], 'primary')).toBe(primary);
    expect(chooseLayout([all, primary], 'senior')).toBe(all);
    expect(chooseLayout([all, primary], undefined)).toBe(all);
    expect(chooseLayout([primary], 'senior')).toEqual({ stage: BUILT_IN_STAGE, rails: [...BUILT_IN_RAILS] });
  });

  it('is built in as the home of before: today first, channels on air last', () => {
    expect(BUILT_IN_RAILS.map((rail) => (rail.kind === 'rule' ? rail.rule : rail.kind))).toEqual([
      'today',
      'gradeLessons',
      'stageFeatured',
      'subjectLessons',
      'sections',
      'onAir',
    ]);
  });
});
