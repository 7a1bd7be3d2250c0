import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Made pictures on disk, by content key. Writes go to a temporary file renamed into place, so a reader sees a
 * whole picture or none; concurrent requests for one key share one making.
 */
export class ImageCache {
  private readonly making = new Map<string, Promise<Buffer>>();

  constructor(private readonly dir: string) {}

  async getOrMake(key: string, extension: string, make: () => Promise<Buffer>): Promise<Buffer> {
    const file = path.join(this.dir, key.slice(0, 2), `${key}.${extension}`);
    const cached = await readFile(file).catch(() => undefined);
    if (cached) return cached;
    const pending = this.making.get(file);
    if (pending) return pending;
    const made = make()
      .then(async (body) => {
        await this.write(file, body);
        return body;
      })
      .finally(() => this.making.delete(file));
    this.making.set(file, made);
    return made;
  }

  private async write(file: string, body: Buffer): Promise<void> {
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, body);
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
}
