// What a page's first load costs: the HTML plus every script, preload and stylesheet it names, gzipped
// (what the network carries). Lazy chunks (the week builder, charts, rare screens) are not counted.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export type LoadedFile = { file: string; gzipBytes: number };

const ASSET_REFERENCE = /<(?:script[^>]*\ssrc|link[^>]*\shref)="\/([^"]+)"/g;

export function measureInitialLoad(
  distDir: string,
  page: string,
): { files: LoadedFile[]; totalGzipBytes: number } {
  const htmlFile = path.join(page, 'index.html');
  const html = readFileSync(path.join(distDir, htmlFile));
  const assets = [...html.toString('utf8').matchAll(ASSET_REFERENCE)].map((match) => match[1]!);
  const files = [htmlFile, ...new Set(assets)].map((file) => ({
    file,
    gzipBytes: gzipSync(readFileSync(path.join(distDir, file)), { level: 9 }).length,
  }));
  return { files, totalGzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0) };
}
