import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LocalizedText } from '@ketang/catalog';
import type { LessonScript, LessonScriptsFile } from './lesson-script.schema.ts';
import { VIDEO_PROFILES, type VideoProfile } from './render-profile.ts';
import { SUBJECT_ACCENTS } from './slide-theme.ts';

/** Everything needed to render one lesson, resolved from its script, plus the hash of all of it. */
export interface LessonPlan {
  script: LessonScript;
  subjectName: LocalizedText;
  gradeName: LocalizedText;
  profile: VideoProfile;
  accentColour: string;
  /** fontconfig family of the CJK font. */
  fontFamily: string;
  /** sha256 of every input that shapes the output: a lesson is rebuilt exactly when this changes. */
  scriptHash: string;
}

export interface PlanContext {
  fontFamily: string;
  /** From generatorFingerprint(): changes whenever the generator's code does. */
  generatorFingerprint: string;
}

const TOOL_DIR = dirname(fileURLToPath(import.meta.url));

/**
 * sha256 of the generator's own source (not its tests or data): the look, timing and encoding settings live
 * in code, so any change to it rebuilds every lesson rather than serving stale output from the cache.
 */
export async function generatorFingerprint(): Promise<string> {
  const sources = (await readdir(TOOL_DIR)).filter(
    (name) => name.endsWith('.ts') && !name.endsWith('.test.ts'),
  );
  const hash = createHash('sha256');
  for (const name of sources.sort())
    hash
      .update(name)
      .update('\0')
      .update(await readFile(join(TOOL_DIR, name)));
  return hash.digest('hex');
}

export function planLesson(file: LessonScriptsFile, script: LessonScript, context: PlanContext): LessonPlan {
  const subjectName = file.subjects[script.subject];
  const gradeName = file.grades[String(script.grade) as keyof LessonScriptsFile['grades']];
  const hashInput = JSON.stringify({ ...context, script, subjectName, gradeName });
  return {
    script,
    subjectName,
    gradeName,
    profile: VIDEO_PROFILES[script.resolution],
    accentColour: SUBJECT_ACCENTS[script.subject],
    fontFamily: context.fontFamily,
    scriptHash: createHash('sha256').update(hashInput).digest('hex'),
  };
}
