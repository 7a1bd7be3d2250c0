import type { Rail } from '@ketang/contract';
import { describe, expect, it } from 'vitest';
import { todayIndex } from '../../../test/fixtures/today-catalogue.ts';
import type { ProgressRecord } from '../../stores/progress.store.ts';
import { gunzipSync } from 'node:zlib';
import {
  renderProfileHome,
  renderRailForProfile,
  tileLessonIds,
  tileProgressJson,
  toRailJson,
} from './profile-home-json.ts';
import { deflatedText, plainText, splicedGzip } from './spliced-gzip.ts';

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
const watched: ProgressRecord[] = [
  { lessonId: 'c1-01', positionSeconds: 300, durationSeconds: 900, completed: false } as ProgressRecord,
  { lessonId: 'elsewhere', positionSeconds: 900, durationSeconds: 900, completed: true } as ProgressRecord,
];
const parse = (json: string | undefined) => (json === undefined ? undefined : JSON.parse(json));

describe('a child’s home as JSON', () => {
  it('writes a rail as JSON.stringify would, and the progress of the tiles apart', () => {
    expect(parse(renderRailForProfile(toRailJson(lessonsRail), todayIndex, { allowList: null }))).toEqual(
      lessonsRail,
    );
    const onRail = new Set(tileLessonIds(lessonsRail));
    expect(parse(tileProgressJson(watched, (id) => onRail.has(id)))).toEqual({
      'c1-01': { positionSeconds: 300, durationSeconds: 900, completed: false },
    });
  });

  it('keeps to the allow-list and drops a rail left empty', () => {
    const mathOnly = { allowList: { subjectIds: ['math'], sectionIds: [] } };
    const kept = parse(renderRailForProfile(toRailJson(lessonsRail), todayIndex, mathOnly));
    expect(kept.items.map((item: { id: string }) => item.id)).toEqual(['m1-01']);
    expect(renderRailForProfile(toRailJson(sectionsRail), todayIndex, mathOnly)).toBeUndefined();
    const reading = { allowList: { subjectIds: [], sectionIds: ['after-school'] } };
    expect(parse(renderRailForProfile(toRailJson(sectionsRail), todayIndex, reading))).toEqual(sectionsRail);
  });

  it('puts the profile, today, the rails (made per request or kept compressed) and the progress together', () => {
    const rail = toRailJson(sectionsRail).json;
    const answer = renderProfileHome({ id: 'p1' } as never, [], [rail, deflatedText(rail)], '{}');
    const home = { profile: { id: 'p1' }, today: [], rails: [sectionsRail, sectionsRail], progress: {} };
    expect(JSON.parse(plainText(answer.pieces))).toEqual(home);
    expect(JSON.parse(gunzipSync(splicedGzip(answer.pieces)).toString())).toEqual(home);
  });
});
