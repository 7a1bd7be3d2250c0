import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  generateSmarteduMirror,
  LocalizedTextSchema,
  PackagedAssetSchema,
  placementInTextbook,
  smarteduMirrorFingerprint,
  type Catalogue,
  type Facet,
  type Lesson,
  type PackagedAsset,
} from '@ketang/catalog';
import { z } from 'zod';
import { buildDemoChannels } from './demo-channels.ts';

/**
 * The grades and subjects of the demo videos (tools/demo-video/lessons.json; a test keeps the two in step), whose
 * textbooks the mirror writes first: each video then opens its own grade's textbook, so a second-grade child
 * finds 登鹳雀楼 in 二年级, not a first grader. (美术 is not a subject of the platform's primary tree: its video
 * has no textbook and stays out.)
 */
export const DEMO_VIDEO_TEXTBOOKS = [
  { grade: '一年级', subject: '语文' },
  { grade: '一年级', subject: '数学' },
  { grade: '二年级', subject: '语文' },
  { grade: '二年级', subject: '数学' },
  { grade: '三年级', subject: '英语' },
  { grade: '二年级', subject: '科学' },
  { grade: '三年级', subject: '科学' },
  { grade: '一年级', subject: '音乐' },
] as const;

/** The demo mirror: a few hundred lessons across stages, grades, subjects and editions, plus section items. */
const DEMO_MIRROR = {
  textbooks: 48,
  lessonsPerTextbook: 8,
  seed: 2026,
  sections: 4,
  leadingTextbooks: DEMO_VIDEO_TEXTBOOKS,
};

/** What the demo needs of the demo-video manifest (tools/demo-video) to place each video lesson. */
const DemoVideoManifestSchema = z.object({
  lessons: z.array(
    z.object({
      id: z.string(),
      title: LocalizedTextSchema,
      subject: z.object({ name: LocalizedTextSchema }),
      grade: z.object({ name: LocalizedTextSchema }),
      durationSeconds: z.number(),
    }),
  ),
});
type DemoVideo = z.infer<typeof DemoVideoManifestSchema>['lessons'][number];

export type DemoPaths = { mirrorDir: string; mediaDir: string; demoVideoDir: string };

async function readPackagedAssets(mediaDir: string): Promise<PackagedAsset[]> {
  if (!existsSync(mediaDir)) return [];
  const assets: PackagedAsset[] = [];
  for (const entry of await readdir(mediaDir, { withFileTypes: true })) {
    const file = path.join(mediaDir, entry.name, 'asset.json');
    if (!entry.isDirectory() || !existsSync(file)) continue;
    const parsed = PackagedAssetSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (parsed.success) assets.push(parsed.data);
  }
  return assets;
}

async function readDemoVideos(demoVideoDir: string): Promise<DemoVideo[]> {
  const file = path.join(demoVideoDir, 'manifest.json');
  if (!existsSync(file)) return [];
  return DemoVideoManifestSchema.parse(JSON.parse(await readFile(file, 'utf8'))).lessons;
}

/**
 * A demo video becomes a local lesson (as a province adds its own resources) at the head of the first
 * textbook of its grade and subject, playing its packaged asset. Until the packager has registered the
 * asset, the lesson explains that its video is being prepared.
 */
function toVideoLesson(
  video: DemoVideo,
  asset: PackagedAsset | undefined,
  catalogue: Pick<Catalogue, 'facets' | 'textbooks'>,
): Lesson | undefined {
  // The platform files some subjects under a group (艺术·音乐): a video's 音乐 finds it.
  const facetNamed = (kind: Facet['kind'], zh: string) =>
    catalogue.facets.find(
      (facet) => facet.kind === kind && (facet.name.zh === zh || facet.name.zh.endsWith(`·${zh}`)),
    )?.id;
  const gradeId = facetNamed('grade', video.grade.name.zh);
  const subjectId = facetNamed('subject', video.subject.name.zh);
  // The demo mirror has no textbook for every grade and subject: take the subject's textbook of the video's
  // grade in any school system (each stage has its own 一年级), else of the nearest grade, so a first-grade
  // video does not land in junior secondary.
  const gradeFacet = (id: string | undefined) => catalogue.facets.find((facet) => facet.id === id);
  const wanted = gradeFacet(gradeId)?.order ?? Number.MAX_SAFE_INTEGER;
  const distance = (id: string | undefined) => {
    const grade = gradeFacet(id);
    if (grade?.name.zh === video.grade.name.zh) return 0;
    return 1 + Math.abs((grade?.order ?? Number.MAX_SAFE_INTEGER) - wanted);
  };
  const textbook = catalogue.textbooks
    .filter((book) => book.subjectId === subjectId && book.gradeId !== undefined)
    .sort((a, b) => distance(a.gradeId) - distance(b.gradeId))[0];
  if (!textbook) return undefined;
  return {
    id: video.id,
    title: video.title,
    placement: placementInTextbook(textbook, textbook.units[0] ? [textbook.units[0].id] : []),
    order: 0,
    periods: [
      {
        id: `${video.id}-p1`,
        title: { zh: '第1课时', en: 'Period 1' },
        order: 0,
        durationSeconds: video.durationSeconds,
      },
    ],
    teachers: [{ name: '课堂示范老师', school: 'Ketang' }],
    durationSeconds: video.durationSeconds,
    thumbnailUrl: asset?.posterUrl,
    videos: [{ type: 'packaged', id: `${video.id}-video`, assetId: video.id }],
    documents: [],
    status: 'active',
    provenance: { source: 'demo', sourceId: video.id },
  };
}

/** Beside the mirror: what it was generated from, so a mirror from an older generator is made again. */
const FINGERPRINT_FILE = 'generated-from.txt';

/**
 * Writes the demo mirror once, and again when the generator has changed (new titles, new plan); into a
 * temporary folder first, so an interrupted start leaves none half-made. Deterministic, so the sync after a
 * rewrite changes only what the generator changed.
 */
export async function ensureDemoMirror(mirrorDir: string): Promise<void> {
  const fingerprint = smarteduMirrorFingerprint(DEMO_MIRROR);
  const stamp = path.join(mirrorDir, FINGERPRINT_FILE);
  if (existsSync(stamp) && (await readFile(stamp, 'utf8')).trim() === fingerprint) return;
  const staging = `${mirrorDir}.partial-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await generateSmarteduMirror({ dir: staging, ...DEMO_MIRROR });
  await writeFile(path.join(staging, FINGERPRINT_FILE), `${fingerprint}\n`);
  await rm(mirrorDir, { recursive: true, force: true });
  await rename(staging, mirrorDir);
}

/** What the demo adds beside the synced mirror: its video lessons, their packaged assets and two channels. */
export type DemoExtras = Pick<Catalogue, 'assets' | 'channels' | 'slots'> & { videoLessons: Lesson[] };

/**
 * The demo's own content over the synced catalogue (`synced`: its facets, textbooks and active lessons): the
 * demo videos as local lessons, and two channels.
 */
export async function buildDemoExtras(
  paths: Omit<DemoPaths, 'mirrorDir'>,
  synced: Pick<Catalogue, 'facets' | 'textbooks' | 'lessons'>,
  now = new Date(),
): Promise<DemoExtras> {
  const [assets, videos] = await Promise.all([
    readPackagedAssets(paths.mediaDir),
    readDemoVideos(paths.demoVideoDir),
  ]);
  const assetsById = new Map(assets.map((asset) => [asset.id, asset]));
  const videoLessons = videos.flatMap((video) => {
    const lesson = toVideoLesson(video, assetsById.get(video.id), synced);
    return lesson ? [lesson] : [];
  });
  const lessons = [...videoLessons, ...synced.lessons];
  const demoVideos = new Set(videoLessons.map((lesson) => lesson.id));
  const grades = synced.facets
    .filter(
      (facet) =>
        facet.kind === 'grade' &&
        lessons.some(
          (lesson) => lesson.placement.kind === 'textbook' && lesson.placement.gradeId === facet.id,
        ),
    )
    .sort((a, b) => a.order - b.order);
  const { channels, slots } = buildDemoChannels(
    grades,
    lessons,
    {
      isPackaged: (lesson) => demoVideos.has(lesson.id) && assetsById.has(lesson.id),
      isDemoVideo: (lesson) => demoVideos.has(lesson.id),
    },
    now,
  );
  return { assets, videoLessons, channels, slots };
}
