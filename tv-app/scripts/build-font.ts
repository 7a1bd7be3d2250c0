// Build step: subsets the shipped CJK font to the common characters plus every character of the locale
// files, so Chinese renders on boxes without a CJK system font. Deterministic: sorted input, fixed source.
import { copyFile, mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import path from 'node:path';
import subsetFont from 'subset-font';
import { extractCollectionFace } from './ttc-face.ts';
import { listCommonHanzi } from './common-hanzi.ts';

const APP_DIR = path.resolve(import.meta.dirname, '..');
const DEFAULT_SOURCE = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const SIMPLIFIED_CHINESE_FACE = 2; // Noto Sans CJK: JP, KR, SC, TC, HK
const OUTPUT = path.join(APP_DIR, 'public/fonts/ketang-sc.woff2');
// Subsetting costs ~17 s of CPU; its output depends only on the inputs hashed below, so it is cached
// (git-ignored: 1.3 MB of binary is too big to commit, and CI starts clean anyway).
const CACHE_DIR = path.resolve(APP_DIR, '../.cache/tv-font');
// ASCII, general and CJK punctuation, full-width forms: what titles and the UI actually use.
const EXTRA_RANGES: [number, number][] = [
  [0x20, 0x7e],
  [0xb7, 0xb7],
  [0x2010, 0x2027],
  [0x3000, 0x303f],
  [0xff01, 0xff5e],
];

async function readLocaleCharacters(): Promise<string> {
  const dir = path.join(APP_DIR, 'src/i18n/locales');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const texts = await Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')));
  return texts.join('');
}

export function collectSubsetCharacters(localeText: string): string {
  const chars = new Set([...listCommonHanzi(), ...localeText]);
  for (const [from, to] of EXTRA_RANGES) for (let c = from; c <= to; c++) chars.add(String.fromCodePoint(c));
  return [...chars]
    .filter((c) => c >= ' ')
    .sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!)
    .join('');
}

/** Everything the subset depends on: the source font, the face, the characters and the subsetter's version. */
export function subsetKey(collection: Buffer, characters: string): string {
  const subsetter = createRequire(import.meta.url)('subset-font/package.json') as { version: string };
  return createHash('sha256')
    .update(collection)
    .update(`${SIMPLIFIED_CHINESE_FACE}\n${subsetter.version}\n${characters}`)
    .digest('hex')
    .slice(0, 24);
}

async function main(): Promise<void> {
  const source = process.env.KETANG_CJK_FONT ?? DEFAULT_SOURCE;
  const collection = await readFile(source).catch(() => {
    throw new Error(
      `CJK font not found at ${source}: install Debian's fonts-noto-cjk or set KETANG_CJK_FONT`,
    );
  });
  const characters = collectSubsetCharacters(await readLocaleCharacters());
  const cached = path.join(CACHE_DIR, `${subsetKey(collection, characters)}.woff2`);
  await mkdir(path.dirname(OUTPUT), { recursive: true });
  if (existsSync(cached)) {
    await copyFile(cached, OUTPUT);
    process.stdout.write(`font: cached ${cached} → ${OUTPUT}\n`);
    return;
  }
  const face = extractCollectionFace(collection, SIMPLIFIED_CHINESE_FACE);
  const subset = await subsetFont(face, characters, { targetFormat: 'woff2' });
  await writeFile(OUTPUT, subset);
  await mkdir(CACHE_DIR, { recursive: true });
  // Write then rename, so a concurrent or interrupted build never sees half a font.
  await writeFile(`${cached}.${process.pid}`, subset);
  await rename(`${cached}.${process.pid}`, cached);
  const digest = createHash('sha256').update(subset).digest('hex').slice(0, 12);
  process.stdout.write(
    `font: ${[...characters].length} characters, ${subset.length} bytes, sha256 ${digest} → ${OUTPUT}\n`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
