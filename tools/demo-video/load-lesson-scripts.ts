import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { LessonScriptError } from './errors.ts';
import {
  LessonScriptsFileSchema,
  type LessonScript,
  type LessonScriptsFile,
} from './lesson-script.schema.ts';

export const DEFAULT_LESSONS_FILE = fileURLToPath(new URL('./lessons.json', import.meta.url));

/** Reads and validates the lesson scripts, listing every problem (path and message) when they are invalid. */
export async function loadLessonScripts(path: string = DEFAULT_LESSONS_FILE): Promise<LessonScriptsFile> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new LessonScriptError(`cannot read lesson scripts ${path}: ${(error as Error).message}`);
  }
  const parsed = LessonScriptsFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new LessonScriptError(`invalid lesson scripts ${path}`, problems);
  }
  const seen = new Set<string>();
  const duplicates = parsed.data.lessons
    .map((lesson) => lesson.id)
    .filter((id) => seen.size === seen.add(id).size);
  if (duplicates.length) throw new LessonScriptError(`duplicate lesson ids in ${path}`, duplicates);
  return parsed.data;
}

/** The lessons named in `only` (all when it is absent or empty), in script order; unknown ids are an error. */
export function selectLessons(file: LessonScriptsFile, only?: readonly string[]): LessonScript[] {
  if (!only?.length) return file.lessons;
  const known = new Set(file.lessons.map((lesson) => lesson.id));
  const unknown = only.filter((id) => !known.has(id));
  if (unknown.length) {
    throw new LessonScriptError(`unknown lesson ids (known: ${[...known].join(', ')})`, unknown);
  }
  return file.lessons.filter((lesson) => only.includes(lesson.id));
}
