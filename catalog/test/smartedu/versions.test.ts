import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SmarteduFormatError,
  importSmartedu,
  openDirectorySource,
  readVersionFile,
  smarteduLayout,
} from '../../src/index.ts';
import type { ImportIssue } from '../../src/index.ts';
import { writeSampleMirror } from '../helpers/sample-mirror.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ketang-versions-'));
  await writeSampleMirror(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function writeVersion(root: string, value: unknown) {
  const file = join(root, smarteduLayout.lessonVersionFile);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(value));
}

describe('version files', () => {
  it('reads `urls` as an array (lesson module) and as one comma-separated string (e-textbook module)', async () => {
    const source = openDirectorySource(dir);
    const issues: ImportIssue[] = [];
    const lessons = await readVersionFile(source, smarteduLayout.lessonVersionFile, issues);
    expect(lessons).toEqual({
      module: 'national_lesson',
      moduleVersion: '1917164322',
      partFiles: [100, 101, 102].map((n) => `zxx/ndrs/national_lesson/teachingmaterials/part_${n}.json`),
    });
    const textbooks = await readVersionFile(source, smarteduLayout.eTextbookVersionFile, issues);
    expect(textbooks).toEqual({
      module: 'tch_material',
      moduleVersion: '932011015',
      partFiles: [100, 101, 102, 103].map((n) => `zxx/ndrs/resources/tch_material/part_${n}.json`),
    });
    expect(issues).toEqual([]);
  });

  it('reports a version file of the wrong shape with its path', async () => {
    const root = await mkdtemp(join(tmpdir(), 'ketang-version-bad-'));
    await writeVersion(root, { module: 'national_lesson', urls: 7 });
    const issues: ImportIssue[] = [];
    expect(await readVersionFile(openDirectorySource(root), smarteduLayout.lessonVersionFile, issues)).toBe(
      'invalid',
    );
    expect(issues[0]).toMatchObject({ file: smarteduLayout.lessonVersionFile, severity: 'error' });
    expect(issues[0]?.reason).toMatch(/module_version/);
    await rm(root, { recursive: true, force: true });
  });

  it('rejects format versions that are too old or too new with explicit errors', async () => {
    const root = await mkdtemp(join(tmpdir(), 'ketang-version-format-'));
    for (const [formatVersion, code] of [
      [1, 'format-too-old'],
      [3, 'format-too-new'],
    ] as const) {
      await writeVersion(root, {
        module: 'national_lesson',
        module_version: 1,
        urls: [],
        format_version: formatVersion,
      });
      const rejection = importSmartedu(root);
      await expect(rejection).rejects.toBeInstanceOf(SmarteduFormatError);
      await expect(rejection).rejects.toMatchObject({ code, formatVersion });
    }
    await rm(root, { recursive: true, force: true });
  });
});
