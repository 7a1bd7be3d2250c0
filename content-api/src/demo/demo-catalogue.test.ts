import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Facet, Lesson, Textbook } from '@ketang/catalog';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoExtras, DEMO_VIDEO_TEXTBOOKS, ensureDemoMirror } from './demo-catalogue.ts';
import { buildDemoChannels, type DemoVideoFacts } from './demo-channels.ts';

const facet = (kind: Facet['kind'], id: string, zh: string, order: number) =>
  ({ kind, id, name: { zh }, order }) as Facet;
const facets = [
  facet('grade', 'g1', '一年级', 0),
  facet('grade', 'g2', '二年级', 1),
  facet('grade', 'g7', '七年级', 6),
  facet('grade', 'g1-54', '一年级', 9),
  facet('grade', 'g2-54', '二年级', 10),
  facet('subject', 'math', '数学', 1),
  facet('subject', 'music', '艺术·音乐', 9),
];
const textbook = (id: string, gradeId: string, subjectId: string) =>
  ({ id, gradeId, subjectId, stageId: 's', editionId: 'e', volumeId: 'v', units: [] }) as unknown as Textbook;
const video = (id: string, subject: string, grade: string) => ({
  id,
  title: { zh: id },
  subject: { name: { zh: subject } },
  grade: { name: { zh: grade } },
  durationSeconds: 30,
});

describe('demo video lessons', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ketang-demo-videos-'));
    const lessons = [
      video('v-math', '数学', '一年级'),
      video('v-music', '音乐', '二年级'),
      video('v-art', '美术', '一年级'),
    ];
    await writeFile(path.join(dir, 'manifest.json'), JSON.stringify({ lessons }));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("go to their subject's textbook of their grade in any stage, else the nearest, and find subjects filed under a group", async () => {
    const { videoLessons } = await buildDemoExtras(
      { mediaDir: path.join(dir, 'no-media'), demoVideoDir: dir },
      {
        facets,
        textbooks: [
          textbook('tb-math-7', 'g7', 'math'),
          textbook('tb-math-2', 'g2', 'math'),
          textbook('tb-music-1', 'g1', 'music'),
          textbook('tb-music-2-54', 'g2-54', 'music'),
        ],
        lessons: [],
      },
    );
    const placed = Object.fromEntries(
      videoLessons.map((lesson) => [
        lesson.id,
        lesson.placement.kind === 'textbook' && lesson.placement.textbookId,
      ]),
    );
    // 一年级 music is the nearest by order, but the 五•四 stage has the video's own grade, 二年级.
    expect(placed).toEqual({ 'v-math': 'tb-math-2', 'v-music': 'tb-music-2-54' });
  });
});

describe('the demo mirror', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ketang-demo-mirror-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it(
    'is written once, and written again when it came from another generator',
    { timeout: 60_000 },
    async () => {
      const mirror = path.join(dir, 'mirror');
      const stamp = path.join(mirror, 'generated-from.txt');
      await ensureDemoMirror(mirror);
      const fingerprint = await readFile(stamp, 'utf8');
      const marker = path.join(mirror, 'kept.txt');
      await writeFile(marker, 'still here');
      await ensureDemoMirror(mirror);
      expect(existsSync(marker)).toBe(true);
      await writeFile(stamp, 'an older generator\n');
      await ensureDemoMirror(mirror);
      expect(existsSync(marker)).toBe(false);
      expect(await readFile(stamp, 'utf8')).toBe(fingerprint);
    },
  );

  it("holds a textbook of every demo video's grade and subject the platform's tree has", async () => {
    const scripts = JSON.parse(
      await readFile(new URL('../../../tools/demo-video/lessons.json', import.meta.url), 'utf8'),
    ) as {
      subjects: Record<string, { zh: string }>;
      grades: Record<string, { zh: string }>;
      lessons: { subject: string; grade: number }[];
    };
    const wanted = new Set(
      scripts.lessons
        .map((lesson) => `${scripts.grades[lesson.grade]?.zh} ${scripts.subjects[lesson.subject]?.zh}`)
        .filter((pair) => !pair.endsWith('美术')),
    );
    expect(new Set(DEMO_VIDEO_TEXTBOOKS.map((book) => `${book.grade} ${book.subject}`))).toEqual(wanted);
    const mirror = path.join(dir, 'mirror');
    await ensureDemoMirror(mirror);
    const files = (await readdir(mirror, { recursive: true })).filter((file) => file.endsWith('.json'));
    const titles = new Set<string>();
    for (const file of files) {
      const text = await readFile(path.join(mirror, file), 'utf8');
      for (const match of text.matchAll(/"title":"([^"]*(?:上册|下册))"/g)) titles.add(match[1] as string);
    }
    for (const book of DEMO_VIDEO_TEXTBOOKS) {
      expect([...titles].some((title) => title.includes(book.subject) && title.includes(book.grade))).toBe(
        true,
      );
    }
  });
});

describe('the demo channels', () => {
  const lesson = (id: string, gradeId: string) =>
    ({ id, placement: { kind: 'textbook', gradeId } }) as unknown as Lesson;
  const lessons = [
    lesson('g1-upstream', 'g1'),
    lesson('g1-video-packaged', 'g1'),
    lesson('g1-video', 'g1'),
    lesson('g2-upstream', 'g2'),
    lesson('g7-video', 'g7'),
  ];
  const airedBy = (videos: DemoVideoFacts) => {
    const { channels, slots } = buildDemoChannels(facets.slice(0, 3), lessons, videos, new Date());
    return Object.fromEntries(
      channels.map((channel) => [
        channel.gradeIds[0],
        [...new Set(slots.filter((s) => s.channelId === channel.id).map((s) => s.lessonId))].sort(),
      ]),
    );
  };

  it('go to the grades with demo videos and air what plays: packaged, else demo videos, else everything', () => {
    const isDemoVideo = (l: Lesson) => l.id.includes('video');
    expect(airedBy({ isDemoVideo, isPackaged: (l) => l.id.endsWith('packaged') })).toEqual({
      g1: ['g1-video-packaged'],
      g7: ['g7-video'],
    });
    expect(airedBy({ isDemoVideo: () => false, isPackaged: () => false })).toEqual({
      g1: ['g1-upstream', 'g1-video', 'g1-video-packaged'],
      g2: ['g2-upstream'],
    });
  });
});
