import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LessonScriptError } from './errors.ts';
import { generatorFingerprint, planLesson } from './lesson-plan.ts';
import { loadLessonScripts, selectLessons } from './load-lesson-scripts.ts';
import { layoutSlide } from './slide-layout.ts';

const CONTEXT = { fontFamily: 'Noto Sans CJK SC', generatorFingerprint: 'test' };

const tempDirs: string[] = [];
afterAll(() => Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function writeTempJson(value: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ketang-demo-video-test-'));
  tempDirs.push(dir);
  const path = join(dir, 'lessons.json');
  await writeFile(path, JSON.stringify(value));
  return path;
}

describe('the bundled lesson scripts', () => {
  it('hold a dozen 1080p lessons, one 2160p and one 4320p, across six subjects', async () => {
    const scripts = await loadLessonScripts();
    const count = (label: string) => scripts.lessons.filter((lesson) => lesson.resolution === label).length;
    expect([count('1080p'), count('2160p'), count('4320p')]).toEqual([12, 1, 1]);
    expect(new Set(scripts.lessons.map((lesson) => lesson.subject)).size).toBe(6);
  });

  it('lay out every slide above the footer at every resolution', async () => {
    const scripts = await loadLessonScripts();
    for (const script of scripts.lessons) {
      const plan = planLesson(scripts, script, CONTEXT);
      script.slides.forEach((_, index) => {
        const layout = layoutSlide(plan, index);
        expect(layout.contentBottom, `${script.id} slide ${index + 1}`).toBeLessThan(layout.footerTop);
      });
    }
  });

  it('hash each lesson differently and stably', async () => {
    const scripts = await loadLessonScripts();
    const hashes = scripts.lessons.map((script) => planLesson(scripts, script, CONTEXT).scriptHash);
    expect(new Set(hashes).size).toBe(hashes.length);
    const first = scripts.lessons[0]!;
    expect(planLesson(scripts, first, CONTEXT).scriptHash).toBe(hashes[0]);
    const edited = { ...first, title: { ...first.title, zh: `${first.title.zh}！` } };
    expect(planLesson(scripts, edited, CONTEXT).scriptHash).not.toBe(hashes[0]);
  });
});

describe('generatorFingerprint', () => {
  it('is a stable sha256 of the generator source', async () => {
    const fingerprint = await generatorFingerprint();
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(await generatorFingerprint()).toBe(fingerprint);
  });
});

describe('loadLessonScripts', () => {
  it('lists every problem of an invalid file with its path', async () => {
    const scripts = await loadLessonScripts();
    const broken = structuredClone(scripts) as { lessons: Array<Record<string, unknown>> };
    broken.lessons[0]!.grade = 9;
    broken.lessons[1]!.slides = [];
    const error = await loadLessonScripts(await writeTempJson(broken)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LessonScriptError);
    expect((error as LessonScriptError).problems).toEqual([
      expect.stringMatching(/^lessons\.0\.grade: /),
      expect.stringMatching(/^lessons\.1\.slides: /),
    ]);
  });

  it('rejects duplicate lesson ids and unreadable JSON', async () => {
    const scripts = await loadLessonScripts();
    const duplicated = { ...scripts, lessons: [scripts.lessons[0], scripts.lessons[0]] };
    await expect(loadLessonScripts(await writeTempJson(duplicated))).rejects.toThrow(/duplicate lesson ids/);
    const path = await writeTempJson({});
    await writeFile(path, '{ not json');
    await expect(loadLessonScripts(path)).rejects.toThrow(/cannot read lesson scripts/);
  });
});

describe('selectLessons', () => {
  it('keeps script order and refuses unknown ids', async () => {
    const scripts = await loadLessonScripts();
    const [first, second] = scripts.lessons;
    expect(selectLessons(scripts, [second!.id, first!.id]).map((lesson) => lesson.id)).toEqual([
      first!.id,
      second!.id,
    ]);
    expect(selectLessons(scripts, [])).toHaveLength(scripts.lessons.length);
    expect(() => selectLessons(scripts, ['no-such-lesson'])).toThrow(LessonScriptError);
  });
});
