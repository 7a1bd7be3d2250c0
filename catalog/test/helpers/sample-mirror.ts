import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { smarteduLayout } from '../../src/index.ts';

/** The real samples (copied from /work/shared/catalog-samples) and the ids they hold. */
export const SAMPLES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/smartedu');

export const SAMPLE_IDS = {
  /** 小学语文统编版三年级上册 (part_100): lesson.json, resource_detail.json and the tagged multi-period lesson. */
  chineseGrade3: '0eb31453-f373-4c85-8f3c-2bff5f49552e',
  /** 小学语文·书法练习指导苏少版六年级下册 (part_100): the UTF-16 lesson part. */
  calligraphy: '000f847f-3c4e-bbe3-29d1-82890ab8ba10',
  /** 新教材-小学语文统编版三年级上册: from the untagged detail's teachingmaterial_info. */
  newChineseGrade3: '22707f9a-a593-44a7-89ee-3f4d78905f2e',
  /** 小学语文统编版四年级上册: from the singing detail's teachingmaterial_info. */
  chineseGrade4: 'c86543a9-4b6a-4d79-8353-c805af23273c',
  guideLesson: '26d77680-d05e-47cd-aa9b-3c3d84ac2eb2',
  detailLesson: '57d37f35-8b72-4c7d-b76d-948422b61b28',
  taggedPeriodsLesson: 'a48085cc-72d5-4872-b51c-289a3938cb09',
  untaggedPeriodsLesson: '95b463d2-2a14-e987-6437-394e53b15197',
  singingLesson: 'e63094d3-a851-057c-a0d9-58d637a90252',
};

async function readSample(name: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(SAMPLES_DIR, name), 'utf8')) as Record<string, unknown>;
}

async function put(dir: string, relativePath: string, value: unknown): Promise<void> {
  await mkdir(dirname(join(dir, relativePath)), { recursive: true });
  await writeFile(join(dir, relativePath), typeof value === 'string' ? value : JSON.stringify(value));
}

async function putCopy(dir: string, relativePath: string, sample: string): Promise<void> {
  await mkdir(dirname(join(dir, relativePath)), { recursive: true });
  await copyFile(join(SAMPLES_DIR, sample), join(dir, relativePath));
}

/** A list entry as the per-textbook part files hold it: the detail without its renditions. */
function listEntryOf(detail: Record<string, unknown>): Record<string, unknown> {
  const { relations, ...rest } = detail;
  const stripped = Object.fromEntries(
    Object.entries((relations ?? {}) as Record<string, Record<string, unknown>[]>).map(([key, items]) => [
      key,
      items.map((item) => ({ ...item, ti_items: [] })),
    ]),
  );
  return { ...rest, ti_items: [], relations: stripped };
}

const node = (id: string, title: string, children: unknown[] = []) => ({ id, title, child_nodes: children });

/**
 * Lays the real samples out as a mirror at the platform's paths. Chapter trees and parts.json files are
 * written in the inferred shape (no real sample shows them); everything else is a real file, unchanged.
 */
export async function writeSampleMirror(
  dir: string,
  options: { onlyTextbooksWithLessons?: boolean } = {},
): Promise<void> {
  const ids = SAMPLE_IDS;
  await putCopy(dir, smarteduLayout.lessonVersionFile, 'national_lesson_data_version.json');
  await putCopy(dir, smarteduLayout.eTextbookVersionFile, 'tch_material_data_version.json');
  await putCopy(dir, smarteduLayout.lessonTagTree, 'national_lesson/national_lesson_tag.json');
  if (options.onlyTextbooksWithLessons) {
    // A small mirror: part_100 cut to the two real textbooks that have lessons here, and no part_102.
    const part = JSON.parse(await readFile(join(SAMPLES_DIR, 'national_lesson/part_100.json'), 'utf8')) as {
      id: string;
    }[];
    const kept = part.filter((entry) => entry.id === ids.chineseGrade3 || entry.id === ids.calligraphy);
    await put(dir, smarteduLayout.textbookListPart(100), kept);
    const version = await readSample('national_lesson_data_version.json');
    await put(dir, smarteduLayout.lessonVersionFile, {
      ...version,
      urls: (version.urls as string[]).slice(0, 2),
    });
  } else {
    await putCopy(dir, smarteduLayout.textbookListPart(100), 'national_lesson/part_100.json');
    await putCopy(dir, smarteduLayout.textbookListPart(102), 'national_lesson/part_102.json');
  }
  const singing = await readSample('singing_detail.json');
  const untagged = await readSample('resource_detail_periods_untagged.json');
  const infoOf = (detail: Record<string, unknown>) =>
    (detail.custom_properties as Record<string, unknown>).teachingmaterial_info;
  await put(dir, smarteduLayout.textbookListPart(101), [infoOf(singing), infoOf(untagged)]);

  await writeChineseGrade3(dir);
  const partUrl = (id: string) => `https://s-file-1.ykt.cbern.com.cn/${smarteduLayout.lessonPart(id, 100)}`;
  for (const id of [ids.calligraphy, ids.newChineseGrade3, ids.chineseGrade4]) {
    await put(dir, smarteduLayout.lessonParts(id), [partUrl(id)]);
  }
  await putCopy(dir, smarteduLayout.lessonPart(ids.calligraphy, 100), 'lesson_part_utf16_powershell.json');

  await put(dir, smarteduLayout.lessonPart(ids.newChineseGrade3, 100), [listEntryOf(untagged)]);
  await putCopy(
    dir,
    smarteduLayout.lessonDetail('national_lesson', ids.untaggedPeriodsLesson),
    'resource_detail_periods_untagged.json',
  );
  await put(dir, smarteduLayout.chapterTree(ids.newChineseGrade3), [
    node('16f2e252-d536-436e-a9bb-9663df6b9f72', '第一单元', [
      node('36cce8bd-0229-4236-b567-52b54635f50e', '课文', [
        node('19cc28bd-1c0b-4fc8-9368-693d9bb9ce99', '1 大青树下的小学'),
      ]),
    ]),
  ]);

  await putCopy(dir, smarteduLayout.lessonPart(ids.chineseGrade4, 100), 'lesson_singing.json');
  await put(dir, smarteduLayout.lessonPart(ids.chineseGrade4, 100), [
    await readSample('lesson_singing.json'),
  ]);
  await putCopy(dir, smarteduLayout.lessonDetail('singing', ids.singingLesson), 'singing_detail.json');
  await put(dir, smarteduLayout.chapterTree(ids.chineseGrade4), [
    node('245437ea-2db4-31f0-a2e3-8bb29382fbf8', '第七单元', [
      node('cfccc184-44ba-3376-830e-3828e13ccd43', '21 古诗三首'),
    ]),
  ]);
}

async function writeChineseGrade3(dir: string): Promise<void> {
  const ids = SAMPLE_IDS;
  const detail = await readSample('resource_detail.json');
  const periods = await readSample('resource_detail_periods.json');
  const guide = await readSample('lesson.json');
  const periodsEntry = {
    ...listEntryOf(periods),
    title: '2 花的学校',
    resource_type_code: 'national_lesson',
    chapter_ids: ['84d6ae58-da35-36bb-855f-ce079962f172', 'b0000000-0000-4000-8000-000000000002'],
  };
  // List order differs from textbook order on purpose: the importer sorts by the chapter tree.
  await put(dir, smarteduLayout.lessonPart(ids.chineseGrade3, 100), [
    periodsEntry,
    listEntryOf(detail),
    guide,
  ]);
  await put(dir, smarteduLayout.lessonParts(ids.chineseGrade3), [
    `https://s-file-2.ykt.cbern.com.cn/${smarteduLayout.lessonPart(ids.chineseGrade3, 100)}`,
  ]);
  await putCopy(
    dir,
    smarteduLayout.lessonDetail('national_lesson', ids.detailLesson),
    'resource_detail.json',
  );
  await putCopy(
    dir,
    smarteduLayout.lessonDetail('national_lesson', ids.taggedPeriodsLesson),
    'resource_detail_periods.json',
  );
  await put(dir, smarteduLayout.chapterTree(ids.chineseGrade3), [
    node('84d6ae58-da35-36bb-855f-ce079962f172', '第一单元', [
      node('8d1fe630-1a91-3c56-a643-f5ac7c2b1042', '1 大青树下的小学'),
      node('b0000000-0000-4000-8000-000000000002', '2 花的学校'),
    ]),
    node('b0000000-0000-4000-8000-000000000003', '第二单元'),
  ]);
}
