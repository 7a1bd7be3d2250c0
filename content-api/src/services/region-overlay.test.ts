import type { Textbook } from '@ketang/catalog';
import { describe, expect, it } from 'vitest';
import type { CurationSnapshot } from '../stores/curation.store.ts';
import {
  toLessonSummaryRecord,
  type LessonSummaryRecord,
  type LessonSummarySource,
} from '../stores/lesson-summary.ts';
import { computeSortKey, type OrderLookup } from './lesson-keys.ts';
import { applyRegionCuration, regionsWithOwnCuration } from './region-overlay.ts';

const placement = {
  kind: 'textbook' as const,
  textbookId: 'tb1',
  stageId: 'primary',
  gradeId: 'g1',
  subjectId: 'math',
  editionId: 'pep',
  volumeId: 'v1',
  unitIds: ['u1', 'u1.1'],
};
const orders: OrderLookup = {
  facets: new Map(),
  textbooks: new Map([['tb1', { order: 3 }]]),
  sections: new Map(),
};

/** A lesson's stored fields, as the store reads them. */
function stored(id: string, order: number, extra: Partial<LessonSummarySource> = {}): LessonSummarySource {
  const record = {
    id,
    title: { zh: `课${id}` },
    durationSeconds: 600,
    teachers: [],
    periods: [{ id: `${id}.p1`, title: { zh: '第1课时' }, order: 0 }],
    playable: false,
    placement,
    providerId: 'prov-a',
    videos: [],
    ...extra,
  };
  return { ...record, sortKey: computeSortKey({ ...record, order } as never, orders) };
}

const lesson = (id: string, order: number, extra: Partial<LessonSummarySource> = {}): LessonSummaryRecord =>
  toLessonSummaryRecord(stored(id, order, extra));

const textbook = {
  id: 'tb1',
  title: { zh: '数学 一年级上册' },
  units: [
    {
      id: 'u1',
      title: { zh: '第一单元' },
      order: 0,
      children: [{ id: 'u1.1', title: { zh: '1.1' }, order: 0, children: [] }],
    },
    { id: 'u2', title: { zh: '第二单元' }, order: 1, children: [] },
  ],
  order: 3,
} as unknown as Textbook;

const lessons = [lesson('a', 0), lesson('b', 1), lesson('c', 2, { providerId: 'prov-b' })];
const empty: CurationSnapshot = { rules: [], settings: [], localLessons: [], sources: [] };

function curate(region: string, curation: Partial<CurationSnapshot>, assetIds: string[] = []) {
  return applyRegionCuration({
    region,
    lessons,
    textbooks: [textbook],
    curation: { ...empty, ...curation },
    sources: new Map((curation.sources ?? []).map((source) => [source.lessonId, source])),
    assetIds: new Set(assetIds),
    orders,
  });
}

const ids = (records: readonly LessonSummaryRecord[]) =>
  [...records].sort((x, y) => (x.sortKey < y.sortKey ? -1 : 1)).map((record) => record.id);

describe('a region view over the imported catalogue', () => {
  it('hides a lesson, a unit or a textbook, where a more specific rule can show it again', () => {
    const hideUnit = { region: 'jx', kind: 'unit' as const, targetId: 'u1', hidden: true };
    expect(ids(curate('jx', { rules: [hideUnit] }).lessons)).toEqual([]);
    const showOne = { region: 'jx', kind: 'lesson' as const, targetId: 'b', hidden: false };
    expect(ids(curate('jx', { rules: [hideUnit, showOne] }).lessons)).toEqual(['b']);
    const { textbooks } = curate('jx', { rules: [hideUnit] });
    expect(textbooks[0]!.units.map((unit) => unit.id)).toEqual(['u2']);
    const hideBook = { region: 'jx', kind: 'textbook' as const, targetId: 'tb1', hidden: true };
    expect(curate('jx', { rules: [hideBook] })).toMatchObject({ lessons: [], textbooks: [] });
  });

  it('layers a region over the national rules, field by field, and leaves other regions alone', () => {
    const rules = [
      { region: 'national', kind: 'lesson' as const, targetId: 'a', hidden: true, title: { zh: '全国名' } },
      { region: 'jx', kind: 'lesson' as const, targetId: 'a', hidden: false },
    ];
    const jx = curate('jx', { rules }).lessons.find((record) => record.id === 'a');
    expect(jx?.title).toEqual({ zh: '全国名' });
    expect(ids(curate('gd', { rules }).lessons)).toEqual(['b', 'c']);
    expect(regionsWithOwnCuration({ ...empty, rules }).has('jx')).toBe(true);
    expect(regionsWithOwnCuration({ ...empty, rules }).has('gd')).toBe(false);
  });

  it('shows only approved content in approval mode, and only allowed providers', () => {
    const settings = [{ region: 'jx', approvalRequired: true }];
    expect(ids(curate('jx', { settings }).lessons)).toEqual([]);
    const approveUnit = { region: 'jx', kind: 'unit' as const, targetId: 'u1.1', approved: true };
    const rejectC = { region: 'jx', kind: 'lesson' as const, targetId: 'c', approved: false };
    const view = curate('jx', { settings, rules: [approveUnit, rejectC] });
    expect(ids(view.lessons)).toEqual(['a', 'b']);
    expect(view.textbooks.map((book) => book.id)).toEqual(['tb1']);
    const allowList = [{ region: 'jx', approvalRequired: false, allowedProviders: ['prov-b'] }];
    expect(ids(curate('jx', { settings: allowList }).lessons)).toEqual(['c']);
  });

  it('renames and reorders lessons, units and textbooks without touching the imported records', () => {
    const rules = [
      { region: 'jx', kind: 'lesson' as const, targetId: 'c', order: 0, title: { zh: '江西先学' } },
      { region: 'jx', kind: 'lesson' as const, targetId: 'a', order: 5 },
      { region: 'jx', kind: 'unit' as const, targetId: 'u2', order: 0, title: { zh: '先学第二单元' } },
      { region: 'jx', kind: 'unit' as const, targetId: 'u1', order: 2 },
      { region: 'jx', kind: 'textbook' as const, targetId: 'tb1', title: { zh: '江西数学' }, order: 1 },
    ];
    const view = curate('jx', { rules });
    expect(ids(view.lessons)).toEqual(['c', 'b', 'a']);
    expect(view.lessons.find((record) => record.id === 'c')!.title).toEqual({ zh: '江西先学' });
    expect(view.textbooks[0]!.title).toEqual({ zh: '江西数学' });
    expect(view.textbooks[0]!.units.map((unit) => unit.title.zh)).toEqual(['先学第二单元', '第一单元']);
    expect(view.lessons[0]!.sortKey).toContain('|00001|tb1|');
    expect(lessons.find((record) => record.id === 'c')!.title).toEqual({ zh: '课c' });
  });

  it('keeps the imported summary of each lesson its curation leaves as it is, and copies only the others', () => {
    const rename = { region: 'jx', kind: 'lesson' as const, targetId: 'b', title: { zh: '江西名' } };
    const view = curate('jx', { rules: [rename] });
    const shown = new Map(view.lessons.map((record) => [record.id, record]));
    expect(shown.get('a')).toBe(lessons[0]);
    expect(shown.get('c')).toBe(lessons[2]);
    expect(shown.get('b')).not.toBe(lessons[1]);
    expect(shown.get('b')).toEqual({ ...lessons[1], title: { zh: '江西名' } });
  });

  it("adds a region's own lessons and makes licensed lessons playable", () => {
    const local = {
      ...stored('jx-1', 1),
      order: 1,
      region: 'jx',
      videos: [{ type: 'packaged' as const, id: 'jx-1.video', assetId: 'asset-1' }],
      documents: [],
      status: 'active' as const,
      provenance: { source: 'local:jx', sourceId: 'jx-1' },
    };
    const sources = [
      { lessonId: 'a', type: 'external-hls' as const, url: 'https://licensed.example.cn/a.m3u8' },
      { lessonId: 'b', type: 'packaged' as const, assetId: 'not-registered' },
    ];
    const view = curate('jx', { localLessons: [local], sources }, ['asset-1']);
    expect(ids(view.lessons)).toEqual(['a', 'b', 'jx-1', 'c']);
    const playable = Object.fromEntries(view.lessons.map((record) => [record.id, record.playable]));
    expect(playable).toEqual({ a: true, b: false, c: false, 'jx-1': true });
    expect(view.localLessons.get('jx-1')?.sortKey).toBe(view.lessons.find((r) => r.id === 'jx-1')!.sortKey);
    expect(ids(curate('gd', { localLessons: [local] }).lessons)).toEqual(['a', 'b', 'c']);
  });
});
