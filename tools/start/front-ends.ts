// The front ends the content API serves, and what each build reads: `npm start` and the end-to-end tests both
// build one only when it is missing or older than these sources.
import path from 'node:path';
import type { FrontEnd } from './build-if-stale.ts';

export function frontEnds(repoRoot: string): { tvApp: FrontEnd; webPages: FrontEnd } {
  const tvAppDir = path.join(repoRoot, 'tv-app');
  const webDir = path.join(repoRoot, 'content-api', 'web');
  const shared = ['contract/src', 'catalog/src'].map((dir) => path.join(repoRoot, dir));
  return {
    tvApp: {
      label: 'the TV app',
      workspace: '@ketang/tv-app',
      built: path.join(tvAppDir, 'dist', 'index.html'),
      // Its sources, the legacy build's helpers, static files, entry page and config (dist is skipped).
      sources: [tvAppDir, ...shared],
    },
    webPages: {
      label: 'the web pages',
      workspace: '@ketang/web',
      built: path.join(webDir, 'dist', 'family', 'index.html'),
      sources: [webDir, ...shared], // its pages, sources and config (dist and node_modules are skipped)
    },
  };
}
