import type { Rail } from '@ketang/contract';
import { describe, expect, it } from 'vitest';
import { todayIndex } from '../../../test/fixtures/today-catalogue.ts';
import type { ProgressRecord } from '../../stores/progress.store.ts';
import { renderProfileHome, renderRailForProfile, toRailJson } from './profile-home-json.ts';

const tile = (id: string) => ({ id, title: { zh: id }, durationSeconds: 900, playable: true });
const lessonsRail: Rail = {
  id: 'grade-g1',
  kind: 'lessons',
  title: { zh: '一年级' },
  items: [tile('m1-01'), tile('c1-01'), tile('s-reading')] as never,
};
const sectionsRail: Rail = {
  id: 'sections',
  kind: 'sections',
  title: { zh: '专题' },
  items: [{ id: 'after-school' } as never],
};
const watched = new Map<string, ProgressRecord>([
  [
    'c1-01',
    { lessonId: 'c1-01', positionSeconds: 300, durationSeconds: 900, completed: false } as ProgressRecord,
  ],
]);
const parse = (json: string | undefined) => (json === undefined ? undefined : JSON.parse(json));

describe('a child’s home as JSON', () => {
  it('writes a rail as JSON.stringify would, with the child’s progress on the tiles it has watched', () => {
    const rail = parse(
      renderRailForProfile(toRailJson(lessonsRail), todayIndex, { allowList: null }, watched),
    );
    expect(rail).toEqual({
      ...lessonsRail,
      items: [
        tile('m1-01'),
        { ...tile('c1-01'), progress: { positionSeconds: 300, durationSeconds: 900, completed: false } },
        tile('s-reading'),
      ],
    });
  });

  it('keeps to the allow-list and drops a rail left empty', () => {
    const mathOnly = { allowList: { subjectIds: ['math'], sectionIds: [] } };
    const kept = parse(renderRailForProfile(toRailJson(lessonsRail), todayIndex, mathOnly, watched));
    expect(kept.items.map((item: { id: string }) => item.id)).toEqual(['m1-01']);
    expect(renderRailForProfile(toRailJson(sectionsRail), todayIndex, mathOnly, watched)).toBeUndefined();
    const reading = { allowList: { subjectIds: [], sectionIds: ['after-school'] } };
    expect(parse(renderRailForProfile(toRailJson(sectionsRail), todayIndex, reading, watched))).toEqual(
      sectionsRail,
    );
  });

  it('puts the profile, today and the rails together into one document', () => {
    const rail = renderRailForProfile(toRailJson(sectionsRail), todayIndex, { allowList: null }, watched)!;
    const home = JSON.parse(renderProfileHome({ id: 'p1' } as never, [], [rail, rail]));
    expect(home).toEqual({ profile: { id: 'p1' }, today: [], rails: [sectionsRail, sectionsRail] });
  });
});
