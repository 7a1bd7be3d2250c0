import { createHash } from 'node:crypto';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_MIRROR_OPTIONS,
  generateDemoSmarteduMirror,
  generateSmarteduMirror,
  importSmartedu,
  smarteduLayout,
  streamSmarteduCatalogue,
} from '../../src/index.ts';
import type {
  PreviousSmarteduState,
  SmarteduBatch,
  SmarteduCatalogueParts,
  SmarteduMirrorSummary,
} from '../../src/index.ts';

let dir: string;
let summary: SmarteduMirrorSummary;
let result: SmarteduCatalogueParts;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ketang-demo-'));
  summary = await generateDemoSmarteduMirror(dir);
  result = await importSmartedu(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function collect(previous?: PreviousSmarteduState): Promise<SmarteduBatch[]> {
  const batches: SmarteduBatch[] = [];
  for await (const batch of streamSmarteduCatalogue(dir, { previous })) batches.push(batch);
  return batches;
}

function stateOf(batches: SmarteduBatch[]): PreviousSmarteduState {
  const state: Required<PreviousSmarteduState> = { textbooks: {}, sections: {} };
  for (const batch of batches) {
    if (batch.kind === 'textbook') state.textbooks[batch.textbook.id] = batch.state;
    if (batch.kind === 'section') state.sections[batch.section.id] = batch.state;
  }
  return state;
}

describe('the generated demo mirror', () => {
  it('has the size the demo needs and round-trips through the importer with nothing lost', () => {
    expect(summary).toMatchObject({ textbooks: 48, lessons: 384, sectionItems: 18 });
    expect(summary.multiPeriodLessons).toBeGreaterThan(0);
    expect(summary.singingLessons).toBeGreaterThan(0);
    expect(summary.eliteLessons).toBeGreaterThan(0);
    expect(result.report.totals).toMatchObject({ added: 51, errors: 0, warnings: 0, lessons: 384 + 18 });
    expect(result.catalogue.textbooks).toHaveLength(48);
    const multiPeriod = result.catalogue.lessons.filter((lesson) => lesson.periods.length > 1);
    expect(multiPeriod).toHaveLength(summary.multiPeriodLessons);
    expect(multiPeriod.every((lesson) => lesson.videos.length === 2 && lesson.documents.length === 8)).toBe(
      true,
    );
    expect(new Set(multiPeriod.flatMap((lesson) => lesson.videos.map((video) => video.periodId))).size).toBe(
      2 * multiPeriod.length,
    );
  });

  it('covers every stage, 五•四 included, with grades, subjects and editions', () => {
    const names = (kind: string) =>
      result.catalogue.facets.filter((facet) => facet.kind === kind).map((facet) => facet.name.zh);
    expect(names('stage')).toEqual(['小学', '初中', '小学（五•四学制）', '初中（五•四学制）', '高中']);
    expect(names('grade').length).toBeGreaterThanOrEqual(12);
    expect(names('subject').length).toBeGreaterThanOrEqual(6);
    expect(names('edition').length).toBeGreaterThanOrEqual(4);
    const stagesUsed = new Set(result.catalogue.textbooks.map((textbook) => textbook.stageId));
    expect(stagesUsed.size).toBe(5);
  });

  it('places lessons in units in textbook order', () => {
    const textbook = result.catalogue.textbooks[0]!;
    const lessons = result.catalogue.lessons
      .filter((lesson) => lesson.placement.kind === 'textbook' && lesson.placement.textbookId === textbook.id)
      .sort((a, b) => a.order - b.order);
    expect(lessons).toHaveLength(8);
    const leaves = textbook.units.flatMap((unit) => unit.children.map((leaf) => [unit.id, leaf.id]));
    expect(lessons.map((lesson) => lesson.placement.kind === 'textbook' && lesson.placement.unitIds)).toEqual(
      leaves,
    );
    expect(textbook.units.map((unit) => unit.title.zh)).toEqual(['第一单元', '第二单元']);
  });

  it('has after-school and family-education sections with categories', () => {
    expect(result.catalogue.sections.map((section) => [section.id, section.kind, section.title.zh])).toEqual([
      ['sm-schoolService', 'after-school', '课后服务'],
      ['sm-family', 'family-education', '家庭教育'],
      ['sm-sedu', 'moral-education', '德育'],
    ]);
    const afterSchool = result.catalogue.sections[0]!;
    expect(afterSchool.categories.map((category) => category.title.zh)).toEqual([
      '经典阅读',
      '科普教育',
      '文化艺术',
      '影视教育',
    ]);
    const items = result.catalogue.lessons.filter(
      (lesson) => lesson.placement.kind === 'section' && lesson.placement.sectionId === 'sm-schoolService',
    );
    expect(items).toHaveLength(6);
    expect(items[0]?.placement).toEqual({
      kind: 'section',
      sectionId: 'sm-schoolService',
      categoryId: 'sm-schoolService.jdyd',
    });
    expect(items.every((item) => item.videos.length === 1 && item.durationSeconds > 0)).toBe(true);
  });

  it('is deterministic by seed', async () => {
    const again = await mkdtemp(join(tmpdir(), 'ketang-demo-again-'));
    await generateSmarteduMirror({ dir: again, ...DEMO_MIRROR_OPTIONS });
    const digest = async (root: string) => {
      const files = (await readdir(root, { recursive: true, withFileTypes: true })).filter((entry) =>
        entry.isFile(),
      );
      const hash = createHash('sha1');
      const paths = files.map((entry) => join(entry.parentPath, entry.name).slice(root.length)).sort();
      for (const path of paths) hash.update(path).update(await readFile(join(root, path)));
      return hash.digest('hex');
    };
    expect(await digest(again)).toBe(await digest(dir));
    await rm(again, { recursive: true, force: true });
  });
});

describe('streaming for incremental sync', () => {
  it('yields facets first, one batch per textbook and section, then the report', async () => {
    const batches = await collect();
    expect(batches[0]?.kind).toBe('facets');
    expect(batches.at(-1)?.kind).toBe('done');
    expect(batches.filter((batch) => batch.kind === 'textbook')).toHaveLength(48);
    expect(batches.filter((batch) => batch.kind === 'section')).toHaveLength(3);
  });

  it('gives the same batches when worker threads import the textbooks', { timeout: 30_000 }, async () => {
    const inThread = await importSmartedu(dir, { includeSections: false });
    const inWorkers = await importSmartedu(dir, { includeSections: false, workers: 2 });
    expect(inWorkers.catalogue).toEqual(inThread.catalogue);
    expect(inWorkers.report.totals).toEqual(inThread.report.totals);
  });

  it('skips unchanged textbooks by their state, and re-reads only a changed one', async () => {
    const first = await collect();
    const second = await collect(stateOf(first));
    const skipped = second.filter((batch) => batch.kind === 'skipped');
    expect(skipped).toHaveLength(51);
    expect(skipped.every((batch) => batch.kind === 'skipped' && batch.reason === 'unchanged')).toBe(true);
    const report = second.at(-1);
    expect(report?.kind === 'done' && report.report.totals).toMatchObject({
      skipped: 51,
      added: 0,
      changed: 0,
    });
    expect(report?.kind === 'done' && report.report.upstreamTextbookIds).toHaveLength(48);

    const textbook = result.catalogue.textbooks[3]!;
    const partFile = join(dir, smarteduLayout.lessonPart(textbook.provenance.sourceId, 100));
    const part = JSON.parse(await readFile(partFile, 'utf8')) as {
      id: string;
      title: string;
      update_time: string;
    }[];
    const changedLesson = part[0]!;
    const detailFile = join(dir, smarteduLayout.lessonDetail('national_lesson', changedLesson.id));
    const detail = JSON.parse(await readFile(detailFile, 'utf8')) as { title: string; update_time: string };
    // Upstream edits a lesson: its detail and its list entry (title, update time) change together.
    for (const record of [changedLesson, detail])
      Object.assign(record, { title: '改过的课名', update_time: '2026-03-01T10:00:00.000+0800' });
    await writeFile(partFile, JSON.stringify(part));
    await writeFile(detailFile, JSON.stringify(detail));
    const third = await collect(stateOf(first));
    const changed = third.filter((batch) => batch.kind === 'textbook');
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ change: 'changed', textbook: { id: textbook.id } });
    expect(changed[0]?.kind === 'textbook' && changed[0].lessons.map((lesson) => lesson.title.zh)).toContain(
      '改过的课名',
    );
  });
});
