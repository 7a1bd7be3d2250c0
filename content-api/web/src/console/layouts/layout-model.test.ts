import { describe, expect, it } from 'vitest';
import {
  addRule,
  moveRail,
  railOfProblem,
  renameRail,
  rulesLeft,
  titleOf,
  type LayoutRail,
} from './layout-model.ts';

const curated: LayoutRail = { kind: 'curated', title: { zh: '精选' }, lessonIds: ['a'] };
const onAir: LayoutRail = { kind: 'rule', rule: 'onAir', title: { zh: '直播' } };

describe('the layout editor model', () => {
  it('moves a rail up and down within the list', () => {
    expect(moveRail([curated, onAir], 1, -1)).toEqual([onAir, curated]);
    expect(moveRail([curated, onAir], 1, 1)).toEqual([curated, onAir]);
  });

  it('renames a rule rail, and an empty title gives the rule its own back', () => {
    expect(renameRail(onAir, titleOf(' 正在播 ', ''))).toEqual({
      kind: 'rule',
      rule: 'onAir',
      title: { zh: '正在播' },
    });
    expect(renameRail(onAir, titleOf('', ''))).toEqual({ kind: 'rule', rule: 'onAir' });
  });

  it('offers each rule once, puts today on top, and finds the rail an API problem names', () => {
    expect(rulesLeft([onAir])).not.toContain('onAir');
    expect(addRule([curated], 'today')[0]).toEqual({ kind: 'rule', rule: 'today' });
    expect(addRule([curated], 'sections').at(-1)).toEqual({ kind: 'rule', rule: 'sections' });
    expect(railOfProblem('body.rails.2.lessonIds.1')).toBe(2);
    expect(railOfProblem('params.stage')).toBeUndefined();
  });
});
