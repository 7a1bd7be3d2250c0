import { describe, expect, it } from 'vitest';
import { withTileProgress } from './profile-home-progress.ts';
import type { ProfileHome } from './schemas/profile-home.schema.ts';

const tile = (id: string) => ({
  id,
  title: { zh: id },
  durationSeconds: 900,
  teachers: [],
  periodCount: 1,
  playable: true,
});
const home = {
  profile: { id: 'p1' },
  today: [],
  rails: [
    { id: 'grade-g1', kind: 'lessons', title: { zh: '一年级' }, items: [tile('a'), tile('b')] },
    { id: 'sections', kind: 'sections', title: { zh: '专题' }, items: [] },
  ],
  progress: { b: { positionSeconds: 300, durationSeconds: 900, completed: false } },
} as unknown as ProfileHome;

describe('a child’s home: the tiles’ progress', () => {
  it('puts each lesson tile’s progress on it, and leaves the other tiles and rails as they are', () => {
    const shown = withTileProgress(home);
    const [lessons, sections] = shown.rails;
    expect(lessons!.items).toEqual([tile('a'), { ...tile('b'), progress: home.progress.b }]);
    expect(sections).toBe(home.rails[1]);
    expect(home.rails[0]!.items[1]).not.toHaveProperty('progress');
  });
});
