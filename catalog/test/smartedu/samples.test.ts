import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FacetSchema,
  LessonSchema,
  ProviderSchema,
  TextbookSchema,
  decidePlayability,
  importSmartedu,
  toSmarteduId,
} from '../../src/index.ts';
import type { Lesson, SmarteduCatalogueParts } from '../../src/index.ts';
import { SAMPLE_IDS, writeSampleMirror } from '../helpers/sample-mirror.ts';

let dir: string;
let result: SmarteduCatalogueParts;
const lessonOf = (upstreamId: string): Lesson => {
  const lesson = result.catalogue.lessons.find((candidate) => candidate.id === toSmarteduId(upstreamId));
  if (!lesson) throw new Error(`lesson ${upstreamId} was not imported`);
  return lesson;
};
const facet = (upstreamId: string) =>
  result.catalogue.facets.find((candidate) => candidate.id === toSmarteduId(upstreamId));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ketang-samples-'));
  await writeSampleMirror(dir);
  result = await importSmartedu(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the real smartedu samples', () => {
  it('imports every listed textbook and reports what is missing without errors', () => {
    const { report, catalogue } = result;
    expect(catalogue.textbooks).toHaveLength(1402); // part_100 (1000) + part_102 (400) + 2 from details
    expect(report.totals).toMatchObject({ added: 1402, changed: 0, skipped: 0, errors: 0, lessons: 9 });
    expect(report.moduleVersion).toBe('1917164322');
    expect(report.upstreamTextbookIds).toHaveLength(1402);
    const missingDetail = report.issues.find((found) => found.recordId === SAMPLE_IDS.guideLesson);
    expect(missingDetail).toMatchObject({
      file: `zxx/ndrv2/national_lesson/resources/details/${SAMPLE_IDS.guideLesson}.json`,
      path: '$',
      severity: 'warning',
      reason: 'lesson detail missing; mapped from the list entry',
    });
  });

  it('maps the tag tree to facets in textbook order, with 五•四 stages and English names', () => {
    expect(facet('e7bbb2de-0590-11ed-9c79-92fc3b3249d5')).toEqual({
      id: 'sm-e7bbb2de-0590-11ed-9c79-92fc3b3249d5',
      kind: 'stage',
      name: { zh: '小学', en: 'Primary school' },
      order: 0,
      schoolSystem: '6-3',
    });
    expect(facet('44beb9aa-54e6-11ed-9c34-850ba61fa9f4')).toMatchObject({
      name: { zh: '小学（五•四学制）' },
      schoolSystem: '5-4',
    });
    expect(facet('e7bbcefe-0590-11ed-9c79-92fc3b3249d5')).toMatchObject({ name: { zh: '高中' } });
    expect(facet('e7bbcefe-0590-11ed-9c79-92fc3b3249d5')?.schoolSystem).toBeUndefined();
    const grade3 = result.catalogue.facets.find(
      (candidate) =>
        candidate.id === 'sm-e7bbb2de-0590-11ed-9c79-92fc3b3249d5.e7bbd372-0590-11ed-9c79-92fc3b3249d5',
    );
    expect(grade3).toMatchObject({
      kind: 'grade',
      name: { zh: '三年级', en: 'Grade 3' },
      stageId: 'sm-e7bbb2de-0590-11ed-9c79-92fc3b3249d5',
    });
    expect(facet('e7bbcf80-0590-11ed-9c79-92fc3b3249d5')).toMatchObject({
      kind: 'subject',
      name: { zh: '数学', en: 'Mathematics' },
    });
    const upper = facet('ff8080814371757b014390f883db0453');
    const lower = facet('ff8080814371757b014390fcdce504bd');
    expect(upper?.name.zh).toBe('上册');
    expect(upper!.order).toBeLessThan(lower!.order);
    const grades = result.catalogue.facets.filter(
      (candidate) =>
        candidate.kind === 'grade' && candidate.stageId === 'sm-e7bbb2de-0590-11ed-9c79-92fc3b3249d5',
    );
    expect(grades.slice(0, 6).map((grade) => grade.name.zh)).toEqual([
      '一年级',
      '二年级',
      '三年级',
      '四年级',
      '五年级',
      '六年级',
    ]);
    for (const found of result.catalogue.facets) expect(FacetSchema.safeParse(found).success).toBe(true);
  });

  it('maps a textbook with its facets and the units of its chapter tree', () => {
    const textbook = result.catalogue.textbooks.find(
      (candidate) => candidate.id === toSmarteduId(SAMPLE_IDS.chineseGrade3),
    );
    expect(textbook).toMatchObject({
      title: { zh: '小学语文统编版三年级上册' },
      stageId: 'sm-e7bbb2de-0590-11ed-9c79-92fc3b3249d5',
      gradeId: 'sm-e7bbb2de-0590-11ed-9c79-92fc3b3249d5.e7bbd372-0590-11ed-9c79-92fc3b3249d5',
      subjectId: 'sm-6a749654-0772-11ed-ac74-092ab92074e6',
      editionId: 'sm-44bee8bc-54e6-11ed-9c34-850ba61fa9f4',
      volumeId: 'sm-ff8080814371757b014390f883db0453',
      status: 'active',
      provenance: { source: 'smartedu', sourceId: SAMPLE_IDS.chineseGrade3, version: '1917164322' },
    });
    expect(textbook?.units.map((unit) => unit.title.zh)).toEqual(['第一单元', '第二单元']);
    expect(textbook?.units[0]?.children.map((unit) => [unit.id, unit.title.zh, unit.order])).toEqual([
      ['sm-8d1fe630-1a91-3c56-a643-f5ac7c2b1042', '1 大青树下的小学', 0],
      ['sm-b0000000-0000-4000-8000-000000000002', '2 花的学校', 1],
    ]);
    const newEdition = result.catalogue.textbooks.find(
      (candidate) => candidate.id === toSmarteduId(SAMPLE_IDS.newChineseGrade3),
    );
    expect(newEdition?.isNewCurriculum).toBe(true);
    const senior = result.catalogue.textbooks.filter(
      (candidate) => candidate.stageId === 'sm-e7bbcefe-0590-11ed-9c79-92fc3b3249d5',
    );
    // Senior high has no grade level in the tree; a few real entries still carry 高一/高二/高三 tags.
    expect(senior.filter((candidate) => candidate.gradeId === undefined).length).toBeGreaterThan(100);
    const seniorGrades = new Set(
      senior.flatMap((candidate) => (candidate.gradeId ? [candidate.gradeId] : [])),
    );
    const names = [...seniorGrades].map(
      (id) => result.catalogue.facets.find((found) => found.id === id)?.name,
    );
    expect(names).toContainEqual({ zh: '高一', en: 'Grade 10' });
    for (const found of result.catalogue.textbooks)
      expect(TextbookSchema.safeParse(found).success).toBe(true);
  });

  it('orders a textbook’s lessons by the chapter tree, then res_sort', () => {
    const lessons = result.catalogue.lessons
      .filter(
        (lesson) =>
          lesson.placement.kind === 'textbook' &&
          lesson.placement.textbookId === toSmarteduId(SAMPLE_IDS.chineseGrade3),
      )
      .sort((a, b) => a.order - b.order);
    expect(lessons.map((lesson) => [lesson.title.zh, lesson.order])).toEqual([
      ['三年级上册学习导引', 0],
      ['大青树下的小学', 1],
      ['2 花的学校', 2],
    ]);
    expect(lessons[2]?.placement).toMatchObject({
      unitIds: ['sm-84d6ae58-da35-36bb-855f-ce079962f172', 'sm-b0000000-0000-4000-8000-000000000002'],
    });
  });

  it('maps a lesson detail: HLS renditions by ti_file_flag, duration, documents, teacher, provider', () => {
    const lesson = lessonOf(SAMPLE_IDS.detailLesson);
    const base =
      'https://r1-ndr-private.ykt.cbern.com.cn/edu_product/esp/assets/2fa7f521-5481-11eb-96b8-fa20200c3759.t/zh-CN/1703757260746/videos/63fcc1f8-5412-429b-a02f-fded4545d11e';
    expect(lesson.videos).toEqual([
      {
        type: 'external-hls',
        id: 'sm-2fa7f521-5481-11eb-96b8-fa20200c3759',
        periodId: `sm-${SAMPLE_IDS.detailLesson}.p1`,
        renditions: [
          {
            label: '1080p',
            height: 1080,
            url: `${base}-1920x1080-true-374c43d1a3fea255a0eb877a44708d7f-b2e2233b89d74c6cb505ca296b5aa820.m3u8`,
          },
          {
            label: '720p',
            height: 720,
            url: `${base}-1280x720-true-8c3e21882ac2c1ef2e9f012228472f05-8061bd2dfad446529cc2e4a1f607fbac.m3u8`,
          },
          {
            label: '480p',
            height: 480,
            url: `${base}-852x480-true-6c9cc78a9f741d02edcc0c9de3377611-9488eed618054f908b80abeeb7b25fed.m3u8`,
          },
          {
            label: '360p',
            height: 360,
            url: `${base}-640x360-true-e900c5d38e7800dcd29de5de997c05e8-f59f114ad29c4766815c99eb68cac535.m3u8`,
          },
        ],
        encryption: 'aes-128',
        licence: 'required',
      },
    ]);
    expect(lesson.durationSeconds).toBe(895); // PT14M55S
    expect(lesson.periods).toEqual([
      { id: `sm-${SAMPLE_IDS.detailLesson}.p1`, title: { zh: '第一课时' }, order: 0, durationSeconds: 895 },
    ]);
    expect(lesson.documents).toEqual([
      {
        id: 'sm-df66d3d4-49be-6ff2-a938-b54109a5a60a',
        kind: 'courseware',
        title: { zh: '课件' },
        format: 'pdf',
        url: 'https://r1-ndr-private.ykt.cbern.com.cn/edu_product/esp/coursewares/df66d3d4-49be-6ff2-a938-b54109a5a60a.t/zh-CN/1697516861138/transcode/pdf.pdf',
        periodId: `sm-${SAMPLE_IDS.detailLesson}.p1`,
      },
    ]);
    expect(lesson.teachers).toEqual([{ name: '薛晨' }]);
    expect(lesson.providerId).toBe('sm-2511c3fd-22ca-42e2-80d0-b41645115be6');
    expect(result.catalogue.providers).toContainEqual({
      id: 'sm-2511c3fd-22ca-42e2-80d0-b41645115be6',
      name: { zh: '教育部资源中心' },
    });
    expect(lesson.provenance).toEqual({
      source: 'smartedu',
      sourceId: SAMPLE_IDS.detailLesson,
      version: '1917164322',
      updatedAt: '2026-01-21T23:37:52.509+08:00',
    });
    expect(lesson.publishedAt).toBe('2026-01-22T00:20:28.368+08:00');
    expect(decidePlayability(lesson, () => false)).toEqual({ playable: false, reason: 'licence-required' });
  });

  it('splits a lesson into periods by bkks tags; untagged coursewares join the period before them', () => {
    const lesson = lessonOf(SAMPLE_IDS.taggedPeriodsLesson);
    const [first, second] = lesson.periods.map((period) => period.id);
    expect(lesson.periods.map((period) => period.title.zh)).toEqual(['第一课时', '第二课时']);
    expect(lesson.videos.map((video) => [video.id, video.periodId])).toEqual([
      ['sm-2fb7acfe-5481-11eb-96b8-fa20200c3759', first],
      ['sm-2faf89c7-5481-11eb-96b8-fa20200c3759', second],
    ]);
    expect(lesson.documents.map((document) => [document.kind, document.periodId])).toEqual([
      ['courseware', first],
      ['lesson-plan', first],
      ['learning-task', first],
      ['exercise', first],
      ['courseware', second],
      ['lesson-plan', second],
      ['learning-task', second],
      ['exercise', second],
    ]);
    // The stripped sample has no ti_file_flag: heights come from the file names.
    expect(
      lesson.videos[0]?.type === 'external-hls' &&
        lesson.videos[0].renditions.map((rendition) => rendition.label),
    ).toEqual(['1080p', '720p', '480p', '360p']);
  });

  it('splits a lesson into periods by resource_structure.relations when sub-resources carry no tags', () => {
    const lesson = lessonOf(SAMPLE_IDS.untaggedPeriodsLesson);
    const id = SAMPLE_IDS.untaggedPeriodsLesson;
    expect(lesson.periods).toEqual([
      { id: `sm-${id}.lesson_1`, title: { zh: '第一课时' }, order: 0, durationSeconds: 748 },
      { id: `sm-${id}.lesson_2`, title: { zh: '第二课时' }, order: 1, durationSeconds: 653 },
    ]);
    expect(lesson.durationSeconds).toBe(1401);
    expect(lesson.documents.filter((document) => document.periodId === `sm-${id}.lesson_2`)).toHaveLength(4);
    expect(lesson.teachers).toEqual([{ name: '姜凌佳' }]);
    expect(lesson.providerId).toBe('sm-2335fb45-787e-4c53-b021-0217320b49be');
    expect(lesson.placement).toMatchObject({
      textbookId: toSmarteduId(SAMPLE_IDS.newChineseGrade3),
      unitIds: [
        'sm-16f2e252-d536-436e-a9bb-9663df6b9f72',
        'sm-36cce8bd-0229-4236-b567-52b54635f50e',
        'sm-19cc28bd-1c0b-4fc8-9368-693d9bb9ce99',
      ],
    });
    expect(lesson.thumbnailUrl).toMatch(/^https:\/\/r1-ndr\.ykt\.cbern\.com\.cn\/.*\/1\.jpg$/);
  });

  it('maps a singing lesson from the video at its root', () => {
    const lesson = lessonOf(SAMPLE_IDS.singingLesson);
    expect(lesson.title.zh).toBe('浪淘沙（其七）');
    expect(lesson.durationSeconds).toBe(57);
    expect(lesson.videos).toHaveLength(1);
    expect(lesson.videos[0]).toMatchObject({
      id: `sm-${SAMPLE_IDS.singingLesson}.video`,
      encryption: 'aes-128',
      licence: 'required',
    });
    expect(lesson.thumbnailUrl).toContain('%20.jpg'); // the file name's space is escaped
    expect(lesson.providerId).toBe('sm-cddd3690-2f7b-48cd-b48c-effd66e479e5');
  });

  it('reads the UTF-16 wrapped lesson part and keeps lessons without details, unplayable', () => {
    const lessons = result.catalogue.lessons.filter(
      (lesson) =>
        lesson.placement.kind === 'textbook' &&
        lesson.placement.textbookId === toSmarteduId(SAMPLE_IDS.calligraphy),
    );
    expect(lessons.map((lesson) => lesson.title.zh)).toEqual([
      '平正安稳',
      '向而不犯',
      '穿插互访',
      '密而不挤',
    ]);
    expect(lessons[0]?.teachers).toEqual([{ name: '赵星玥' }]);
    expect(lessons.every((lesson) => decidePlayability(lesson, () => false).playable === false)).toBe(true);
    for (const lesson of result.catalogue.lessons) expect(LessonSchema.safeParse(lesson).success).toBe(true);
    for (const provider of result.catalogue.providers)
      expect(ProviderSchema.safeParse(provider).success).toBe(true);
  });
});
