import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../db/embedded-store.ts';
import type { LessonDocument, LessonRecord } from './lesson.store.ts';
import { LessonStore } from './lesson.store.ts';
import { SharedValues, toLessonSummaryRecord } from './lesson-summary.ts';

/** A stored lesson of textbook `tb<book>`, unit `u<unit>`, with the fields a summary is made from and more. */
function storedLesson(
  index: number,
  book: number,
  unit: number,
  extra: Partial<LessonRecord> = {},
): LessonRecord {
  const id = `l-${String(index).padStart(5, '0')}`;
  return {
    id,
    title: { zh: `第${unit}课`, en: `Lesson ${unit}` },
    placement: {
      kind: 'textbook',
      stageId: 'primary',
      gradeId: 'g1',
      subjectId: 'math',
      editionId: 'pep',
      volumeId: 'v1',
      textbookId: `tb${book}`,
      unitIds: [`tb${book}.u${unit}`],
    },
    order: index,
    periods: [
      { id: `${id}.p1`, title: { zh: '第1课时' }, order: 0 },
      { id: `${id}.p2`, title: { zh: '第2课时' }, order: 1 },
    ],
    teachers: [{ name: '王芳', school: '实验小学' }],
    providerId: 'prov',
    durationSeconds: 600,
    videos: [
      {
        type: 'external-hls',
        id: `${id}.hls`,
        renditions: [{ label: '1080p', height: 1080, url: `https://cdn.example.cn/${id}.m3u8` }],
        encryption: 'aes-128',
        licence: 'required',
      },
      { type: 'packaged', id: `${id}.v`, assetId: `asset-${id}` },
    ],
    documents: [],
    status: 'active',
    provenance: { source: 'test', sourceId: id },
    sortKey: `t|000|000|000|000|000|${String(book).padStart(5, '0')}|tb${book}|${String(index).padStart(6, '0')}|${id}`,
    playable: false,
    unplayableReason: 'licence-required',
    ...extra,
  };
}

describe('lesson summaries', () => {
  it('keep what a summary shows, not the stored periods, teachers and video sources', () => {
    const summary = toLessonSummaryRecord(storedLesson(1, 1, 1));
    expect(summary).toEqual({
      id: 'l-00001',
      title: { zh: '第1课', en: 'Lesson 1' },
      durationSeconds: 600,
      thumbnailUrl: undefined,
      teacherNames: ['王芳'],
      periodCount: 2,
      playable: false,
      placement: storedLesson(1, 1, 1).placement,
      sortKey: storedLesson(1, 1, 1).sortKey,
      providerId: 'prov',
      packagedAssetIds: ['asset-l-00001'],
    });
    expect(summary).not.toHaveProperty('videos');
    expect(summary).not.toHaveProperty('periods');
  });

  it('share one placement per unit and one title per text across the lessons of a catalogue', () => {
    const shared = new SharedValues();
    const [a, b, c] = [storedLesson(1, 1, 1), storedLesson(2, 1, 1), storedLesson(3, 1, 2)].map((lesson) =>
      toLessonSummaryRecord(structuredClone(lesson), shared),
    );
    expect(a!.placement).toBe(b!.placement);
    expect(a!.title).toBe(b!.title);
    expect(c!.placement).not.toBe(a!.placement);
    expect(c!.placement).toEqual({ ...a!.placement, unitIds: ['tb1.u2'] });
    // The textbook's facet ids are one string each, whichever unit's placement holds them.
    expect(c!.placement.kind === 'textbook' && c!.placement.textbookId).toBe('tb1');
  });
});

describe('LessonStore.allSummaries on the embedded store', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('reads every active lesson once, over several pages, and no retired one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ketang-summaries-'));
    dirs.push(dir);
    const store = await openEmbeddedStore(dir);
    try {
      const collection = store.collection<LessonDocument>('lessons');
      await LessonStore.createIndexes(collection);
      const lessons = new LessonStore(collection);
      // 1,203 lessons (beyond two pages of 500) in a shuffled order, three of them retired.
      const records = Array.from({ length: 1203 }, (_, index) =>
        storedLesson(index, Math.floor(index / 100), Math.floor(index / 10) % 10, {
          status: index % 400 === 7 ? 'retired' : 'active',
        }),
      );
      await lessons.put([...records].reverse());

      const summaries = await lessons.allSummaries();
      const expected = records.filter((record) => record.status === 'active').map((record) => record.id);
      expect(summaries.map((summary) => summary.id).sort()).toEqual(expected);
      expect(summaries).toHaveLength(1200);
      const [first, second] = summaries.filter((summary) => summary.sortKey.includes('|tb3|'));
      expect(first!.placement).toBe(second!.placement); // one copy per unit
      expect(first!.periodCount).toBe(2);
      expect(first!.packagedAssetIds).toEqual([`asset-${first!.id}`]);
    } finally {
      await store.close();
    }
  });
});
