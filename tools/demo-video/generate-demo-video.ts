import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';
import { generateLesson, readCurrentRecord } from './generate-lesson.ts';
import { generatorFingerprint, planLesson, type LessonPlan } from './lesson-plan.ts';
import { MANIFEST_FILE, type DemoManifest, type LessonRecord } from './lesson-record.ts';
import { loadLessonScripts, selectLessons } from './load-lesson-scripts.ts';
import { findToolchain, type Toolchain } from './toolchain.ts';

export { DEBIAN_PACKAGES } from './toolchain.ts';
export { DemoManifestSchema, LessonRecordSchema, MANIFEST_FILE } from './lesson-record.ts';
export type { DemoManifest, LessonRecord } from './lesson-record.ts';
export { DemoVideoError, LessonScriptError, ProcessFailedError, ToolMissingError } from './errors.ts';

export type LessonStatus = 'generated' | 'cached';

export interface LessonProgress {
  id: string;
  /** 'generating' when work starts; 'generated' or 'cached' when the lesson is ready. */
  status: 'generating' | LessonStatus;
  elapsedSeconds?: number;
}

export interface GenerateDemoLessonsOptions {
  /** Folder for the lessons and manifest.json; created if missing. */
  outDir: string;
  /** Lesson ids to generate; all when absent or empty. Unknown ids are an error. */
  only?: readonly string[];
  /** Regenerate even lessons whose outputs are current. */
  force?: boolean;
  /** Lesson scripts to read instead of the bundled lessons.json. */
  lessonsFile?: string;
  onProgress?: (progress: LessonProgress) => void;
}

export interface GenerateDemoLessonsResult {
  manifestPath: string;
  manifest: DemoManifest;
  lessons: Array<{ id: string; status: LessonStatus; elapsedSeconds: number }>;
  elapsedSeconds: number;
}

const secondsSince = (start: number) => Math.round((performance.now() - start) / 10) / 100;

/** Reuses the lesson's current outputs, or generates them. */
async function produceLesson(
  plan: LessonPlan,
  options: GenerateDemoLessonsOptions,
  outDir: string,
  toolchain: Toolchain,
) {
  const start = performance.now();
  const cached = options.force ? undefined : await readCurrentRecord(outDir, plan);
  if (cached) return { record: cached, status: 'cached' as const, elapsedSeconds: secondsSince(start) };
  options.onProgress?.({ id: plan.script.id, status: 'generating' });
  const record = await generateLesson(plan, outDir, toolchain);
  return { record, status: 'generated' as const, elapsedSeconds: secondsSince(start) };
}

/**
 * Generates the synthetic demo lessons (slides, espeak-ng narration, WebVTT captions, H.264/AAC MP4) into
 * `outDir`, one lesson at a time (x264 already uses every core). Lessons whose outputs exist and whose
 * inputs are unchanged are skipped. manifest.json lists every current lesson in outDir, so runs with
 * `only` add to it rather than shrink it.
 */
export async function generateDemoLessons(
  options: GenerateDemoLessonsOptions,
): Promise<GenerateDemoLessonsResult> {
  const start = performance.now();
  const outDir = resolve(options.outDir);
  const scripts = await loadLessonScripts(options.lessonsFile);
  const selected = selectLessons(scripts, options.only);
  const toolchain = await findToolchain();
  const context = { fontFamily: toolchain.fontFamily, generatorFingerprint: await generatorFingerprint() };
  await mkdir(outDir, { recursive: true });

  const plans = scripts.lessons.map((script) => planLesson(scripts, script, context));
  const results: GenerateDemoLessonsResult['lessons'] = [];
  try {
    for (const plan of plans.filter((candidate) => selected.includes(candidate.script))) {
      const outcome = await produceLesson(plan, options, outDir, toolchain);
      const { status, elapsedSeconds } = outcome;
      results.push({ id: plan.script.id, status, elapsedSeconds });
      options.onProgress?.({ id: plan.script.id, status, elapsedSeconds });
    }
  } catch (error) {
    await writeManifest(outDir, plans); // so the manifest never lists a lesson whose files were being replaced
    throw error;
  }
  const manifest = await writeManifest(outDir, plans);
  const manifestPath = join(outDir, MANIFEST_FILE);
  return { manifestPath, manifest, lessons: results, elapsedSeconds: secondsSince(start) };
}

/** Lists every lesson whose outputs in outDir are complete and current, in script order. */
async function writeManifest(outDir: string, plans: readonly LessonPlan[]): Promise<DemoManifest> {
  const records: LessonRecord[] = [];
  for (const plan of plans) {
    const record = await readCurrentRecord(outDir, plan);
    if (record) records.push(record);
  }
  const manifest: DemoManifest = { version: 1, lessons: records };
  await writeFileAtomic(join(outDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}
