import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateSmarteduMirror, smarteduLayout } from '@ketang/catalog';

type Entry = Record<string, unknown> & { id: string; title: string };

/** A small generated smartedu mirror (tmpfs when there is one) that tests change the way upstream does. */
export class TestMirror {
  private constructor(readonly dir: string) {}

  static async create(options: { textbooks: number; lessonsPerTextbook: number; sections?: number }) {
    const scratch = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
    const dir = await mkdtemp(path.join(scratch, 'ketang-sync-mirror-'));
    await generateSmarteduMirror({ dir, seed: 7, sections: options.sections ?? 2, ...options });
    return new TestMirror(dir);
  }

  private file(relative: string): string {
    return path.join(this.dir, relative);
  }

  private async readJson<T>(relative: string): Promise<T> {
    return JSON.parse(await readFile(this.file(relative), 'utf8')) as T;
  }

  private async writeJson(relative: string, value: unknown): Promise<void> {
    await writeFile(this.file(relative), JSON.stringify(value));
  }

  /** The upstream textbook entries of the list, in order. */
  async textbooks(): Promise<Entry[]> {
    return this.readJson<Entry[]>(smarteduLayout.textbookListPart(100));
  }

  async lessonEntries(textbookId: string): Promise<Entry[]> {
    return this.readJson<Entry[]>(this.lessonPart(textbookId));
  }

  private lessonPart(textbookId: string): string {
    return `zxx/ndrs/national_lesson/teachingmaterials/${textbookId}/resources/part_100.json`;
  }

  /** Renames a lesson in its list entry and its detail, with a later update time, as the platform does. */
  async renameLesson(textbookId: string, lessonId: string, title: string): Promise<void> {
    const entries = await this.lessonEntries(textbookId);
    const entry = entries.find((candidate) => candidate.id === lessonId)!;
    Object.assign(entry, { title, update_time: '2026-06-01T08:00:00.000+0800' });
    await this.writeJson(this.lessonPart(textbookId), entries);
    const detail = `zxx/ndrv2/national_lesson/resources/details/${lessonId}.json`;
    if (existsSync(this.file(detail))) {
      const record = await this.readJson<Entry>(detail);
      await this.writeJson(detail, { ...record, title, update_time: '2026-06-01T08:00:00.000+0800' });
    }
  }

  async removeLesson(textbookId: string, lessonId: string): Promise<void> {
    const entries = await this.lessonEntries(textbookId);
    await this.writeJson(
      this.lessonPart(textbookId),
      entries.filter((entry) => entry.id !== lessonId),
    );
  }

  async updateTextbooks(change: (entries: Entry[]) => Entry[]): Promise<void> {
    const list = smarteduLayout.textbookListPart(100);
    await this.writeJson(list, change(await this.readJson<Entry[]>(list)));
  }

  /** Moves the textbook list away (as a half-copied mirror would miss it); answers how to put it back. */
  async hideTextbookList(): Promise<() => Promise<void>> {
    const list = this.file(smarteduLayout.textbookListPart(100));
    await rename(list, `${list}.hidden`);
    return () => rename(`${list}.hidden`, list);
  }

  /** A section vanishes upstream when its item list does. */
  async removeSection(catalogCode: string): Promise<void> {
    await rm(this.file(`zxx/ndrs/special_edu/${catalogCode}/resources/parts.json`));
    await rm(this.file(`zxx/ndrs/special_edu/${catalogCode}/resources/part_100.json`));
  }

  async remove(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
