import { describe, expect, it } from 'vitest';
import type { CurationSnapshot } from '../../stores/curation.store.ts';
import {
  compareCuration,
  curationPartId,
  curationPartOf,
  hasOwnCuration,
  layeredCuration,
} from './curation-part.ts';

const snapshot: CurationSnapshot = {
  rules: [
    { region: 'jx', kind: 'lesson', targetId: 'b', hidden: true },
    { region: 'national', kind: 'lesson', targetId: 'a', approved: false },
    { region: 'jx', kind: 'unit', targetId: 'u', title: { zh: '单元' } },
  ],
  settings: [{ region: 'jx', approvalRequired: true, schoolCalendar: { terms: [] } as never }],
  localLessons: [],
  sources: [{ lessonId: 'a', type: 'packaged', assetId: 'x' }],
};

describe("a region's curation part", () => {
  it("takes the region's rules in a stable order, its deciding settings only, and every licensed source", () => {
    const part = curationPartOf(snapshot, 'jx');
    expect(part.rules.map((rule) => rule.targetId)).toEqual(['b', 'u']);
    expect(part.settings).toEqual({ region: 'jx', approvalRequired: true });
    expect(part.sources).toHaveLength(1);
    const reordered = { ...snapshot, rules: [...snapshot.rules].reverse() };
    expect(curationPartId(curationPartOf(reordered, 'jx'))).toBe(curationPartId(part));
    const keysSwapped = {
      ...part,
      rules: part.rules.map(({ targetId, ...rest }) => ({ ...rest, targetId })),
    };
    expect(curationPartId(keysSwapped)).toBe(curationPartId(part));
  });

  it('layers the national part under the region, with the region part’s sources', () => {
    const national = curationPartOf(snapshot, 'national');
    const jx = { ...curationPartOf(snapshot, 'jx'), sources: [] };
    const layered = layeredCuration(national, jx);
    expect(layered.rules.map((rule) => rule.targetId)).toEqual(['a', 'b', 'u']);
    expect(layered.sources).toEqual([]);
    expect(hasOwnCuration(jx, national)).toBe(true);
    expect(hasOwnCuration(curationPartOf(snapshot, 'gd'), national)).toBe(false);
  });

  it('names rules, lessons and sources added, changed and removed, and a settings change', () => {
    const before = curationPartOf(snapshot, 'jx');
    const after = curationPartOf(
      {
        ...snapshot,
        rules: [
          { region: 'jx', kind: 'lesson', targetId: 'b', hidden: false },
          { region: 'jx', kind: 'lesson', targetId: 'c', hidden: true },
        ],
        settings: [],
      },
      'jx',
    );
    expect(compareCuration(before, after)).toMatchObject({
      rules: { added: ['lesson:c'], changed: ['lesson:b'], removed: ['unit:u'] },
      settings: true,
      hasChanges: true,
    });
    expect(compareCuration(before, before).hasChanges).toBe(false);
  });
});
