import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Writes JSON files under a root, creating each directory once. Synchronous on purpose: for hundreds of
 * thousands of small files it is several times faster than fs/promises.
 */
export class MirrorWriter {
  private readonly madeDirs = new Set<string>();
  files = 0;
  bytes = 0;

  constructor(private readonly root: string) {}

  writeJson(relativePath: string, value: unknown): void {
    const text = JSON.stringify(value);
    const path = join(this.root, relativePath);
    const dir = dirname(path);
    if (!this.madeDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.madeDirs.add(dir);
    }
    writeFileSync(path, text);
    this.files++;
    this.bytes += text.length;
  }
}
