import { readFile, rm, writeFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSmarteduMirror, importSmartedu, smarteduLayout, toSmarteduId } from '../../src/index.ts';
import type { SmarteduCatalogueParts } from '../../src/index.ts';

type Json = Record<string, unknown> & { id: string };
let dir: string;
let result: SmarteduCatalogueParts;
let textbooks: Json[];
let lessonsOf: Json[][];

const readJson = async <T>(path: string) => JSON.parse(await readFile(join(dir, path), 'utf8')) as T;
const writeJson = (path: string, value: unknown) => writeFile(join(dir, path), JSON.stringify(value));
const issuesOf = (recordId: string) => result.report.issues.filter((found) => found.recordId === recordId);

/** A small generated mirror, then broken on purpose in the ways real files are. */
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ketang-odd-'));
  await generateSmarteduMirror({ dir, textbooks: 3, lessonsPerTextbook: 6, seed: 7, sections: 0 });
  textbooks = await readJson<Json[]>(smarteduLayout.textbookListPart(100));
  lessonsOf = await Promise.all(
    textbooks.map((textbook) => readJson<Json[]>(smarteduLayout.lessonPart(textbook.id, 100))),
  );
  const [first, second] = lessonsOf as [Json[], Json[]];

  const withoutEdition = {
    ...textbooks[2],
    id: 'no-edition',
    tag_list: (textbooks[2]?.tag_list as Json[]).filter((tag) => tag.tag_dimension_id !== 'zxxbb'),
  };
  await writeJson(smarteduLayout.textbookListPart(101), [
    textbooks[0],
    withoutEdition,
    { id: 'no-tags', title: '没有标签' },
  ]);
  const version = await readJson<{ urls: string[] }>(smarteduLayout.lessonVersionFile);
  await writeJson(smarteduLayout.lessonVersionFile, {
    ...version,
    urls: [...version.urls, smarteduLayout.textbookListPart(101)],
  });

  const unknownType = { ...first[0], id: 'listening-1', resource_type_code: 'listening' };
  const extraFields = { ...first[2], some_new_field: { nested: true } };
  await writeJson(smarteduLayout.lessonPart(textbooks[0]!.id, 100), [
    first[0],
    { title: '没有 id' },
    extraFields,
    ...first.slice(3),
    unknownType,
  ]);
  await writeJson(smarteduLayout.lessonPart(textbooks[1]!.id, 100), [...second, first[2]]);

  const detailOf = (entry: Json) =>
    smarteduLayout.lessonDetail(entry.resource_type_code as 'national_lesson', entry.id);
  await writeFile(join(dir, detailOf(first[3]!)), '{"id": "broken');
  const sparse = await readJson<Json>(smarteduLayout.lessonDetail('national_lesson', first[4]!.id));
  delete sparse.teacher_list;
  delete sparse.provider_list;
  delete sparse.custom_properties;
  await writeJson(smarteduLayout.lessonDetail('national_lesson', first[4]!.id), sparse);
  const badItem = await readJson<{ relations: Record<string, { ti_items: Json[] }[]> }>(
    smarteduLayout.lessonDetail('national_lesson', second[0]!.id),
  );
  badItem.relations.national_course_resource![0]!.ti_items[1]!.ti_storages = 5;
  await writeJson(smarteduLayout.lessonDetail('national_lesson', second[0]!.id), badItem);

  result = await importSmartedu(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('odd inputs are reported with file, path and reason, then skipped', () => {
  it('keeps the first of duplicate textbooks and skips textbooks without facets', () => {
    const part = smarteduLayout.textbookListPart(101);
    expect(issuesOf(textbooks[0]!.id)).toContainEqual(
      expect.objectContaining({
        file: part,
        path: '$[0]',
        severity: 'warning',
        reason: expect.stringMatching(/^duplicate textbook id; the first \(.*part_100\.json \$\[0\]\) wins$/),
      }),
    );
    expect(issuesOf('no-edition')).toEqual([
      {
        file: part,
        path: '$[1].tag_list',
        severity: 'error',
        recordId: 'no-edition',
        reason: 'tag_list lacks the dimension(s) zxxbb',
      },
    ]);
    expect(issuesOf('no-tags')).toEqual([
      expect.objectContaining({ file: part, path: '$[2].tag_list', severity: 'error' }),
    ]);
    expect(result.catalogue.textbooks).toHaveLength(3);
    expect(result.report.entries.find((entry) => entry.sourceId === 'no-edition')).toMatchObject({
      outcome: 'skipped',
      reason: 'invalid',
    });
  });

  it('skips a lesson list record without an id and one of an unknown type, and keeps the rest', () => {
    const part = smarteduLayout.lessonPart(textbooks[0]!.id, 100);
    expect(result.report.issues).toContainEqual({
      file: part,
      path: '$[1].id',
      severity: 'error',
      reason: expect.stringMatching(/^id: /),
    });
    expect(issuesOf('listening-1')).toEqual([
      {
        file: part,
        path: '$[6]',
        severity: 'warning',
        recordId: 'listening-1',
        reason: 'resource type listening is not a lesson type',
      },
    ]);
    const ids = result.catalogue.lessons.map((lesson) => lesson.id);
    expect(ids).toContain(toSmarteduId(lessonsOf[0]![2]!.id)); // unknown fields are accepted
  });

  it('skips a lesson whose detail is not JSON, and maps one whose optional fields are missing', () => {
    const broken = lessonsOf[0]![3]!.id;
    expect(issuesOf(broken)).toContainEqual(
      expect.objectContaining({
        file: smarteduLayout.lessonDetail(lessonsOf[0]![3]!.resource_type_code as 'elite_lesson', broken),
        path: '$',
        severity: 'error',
        reason: expect.stringMatching(/^not valid JSON/),
      }),
    );
    expect(result.catalogue.lessons.some((lesson) => lesson.id === toSmarteduId(broken))).toBe(false);
    const sparse = result.catalogue.lessons.find(
      (lesson) => lesson.id === toSmarteduId(lessonsOf[0]![4]!.id),
    );
    expect(sparse).toMatchObject({ teachers: [] });
    expect(sparse?.providerId).toBeUndefined();
    expect(sparse?.videos.length).toBeGreaterThan(0);
  });

  it('names the JSON path of a bad field deep in a detail', () => {
    const id = lessonsOf[1]![0]!.id;
    expect(issuesOf(id)).toEqual([
      expect.objectContaining({
        file: smarteduLayout.lessonDetail('national_lesson', id),
        path: '$.relations.national_course_resource[0].ti_items[1].ti_storages',
        severity: 'error',
      }),
    ]);
  });

  it('keeps the first of a lesson listed by two textbooks and reports the second', () => {
    const id = lessonsOf[0]![2]!.id; // listed again by the second textbook
    expect(issuesOf(id)).toContainEqual(
      expect.objectContaining({
        file: smarteduLayout.lessonPart(textbooks[1]!.id, 100),
        path: '$[6]',
        severity: 'warning',
        reason: expect.stringMatching(/^duplicate lesson id/),
      }),
    );
    const totals = result.report.totals;
    expect(totals.lessons).toBe(18 - 1 /* no id */ - 1 /* broken */ - 1 /* bad ti_items */);
    const placements = result.catalogue.lessons.filter((lesson) => lesson.id === toSmarteduId(id));
    expect(placements).toHaveLength(1);
    expect(placements[0]?.placement).toMatchObject({ textbookId: toSmarteduId(textbooks[0]!.id) });
    expect(totals.errors).toBe(5);
  });
});
