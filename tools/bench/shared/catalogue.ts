import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateSmarteduMirror, importSmartedu, smarteduLayout, type Catalogue } from '@ketang/catalog';

/**
 * A catalogue of about `lessons` lessons imported from a generated smartedu mirror (kept on tmpfs between
 * runs), without channels, slots or assets: the benchmarks' catalogue.
 */
export async function prepareBenchCatalogue(lessons: number): Promise<Catalogue> {
  const scratch = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const dir = path.join(scratch, `ketang-api-bench-mirror-${lessons}`);
  if (!existsSync(path.join(dir, smarteduLayout.lessonVersionFile))) {
    console.log(`generating a ${lessons}-lesson mirror in ${dir}…`);
    await generateSmarteduMirror({
      dir,
      textbooks: Math.ceil(lessons / 100),
      lessonsPerTextbook: 100,
      seed: 7,
      sections: 20,
    });
  }
  const started = performance.now();
  const { catalogue } = await importSmartedu(dir, { validate: false });
  console.log(`imported ${catalogue.lessons.length} lessons in ${seconds(started)} s`);
  return { ...catalogue, channels: [], slots: [], assets: [] };
}

/** Seconds since a `performance.now()` reading, one decimal. */
export const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
