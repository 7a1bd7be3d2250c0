// How the built page picks a bundle, on top of @vitejs/plugin-legacy:
// - its detector also checks the runtime APIs the modern bundle calls (src/boot/modern-apis.ts), so an engine
//   with modules but without those APIs (Chrome 64–72, WPE 2.2x) takes the legacy bundle, not only one without
//   modules (Chrome 38–60, `nomodule`) or without the newer syntax (Chrome 61–63);
// - its inline scripts become files next to the chunks: the content API serves the app under
//   `script-src 'self'` (content-api/src/middleware/security-headers.ts), which refuses inline scripts.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { hasModernApis, MODERN_APIS } from '../src/boot/modern-apis.ts';

const ASSETS = 'assets';
const INLINE_SCRIPT = /<script((?:\s+[a-z-]+(?:="[^"]*")?)*)>([^<]+)<\/script>/g;

const SYNTAX_VERDICT = ';window.__vite_is_modern_browser=true';

/** The plugin's syntax detector (its inline module script), whose verdict also needs the runtime APIs. */
export function withApiCheck(detector: string): string {
  const apis = `(${hasModernApis.toString()})(window,${JSON.stringify(MODERN_APIS)})`;
  return `${detector.slice(0, -SYNTAX_VERDICT.length)};window.__vite_is_modern_browser=${apis}`;
}

/** Moves every inline script of the built page into `assets/<name>-<hash>.js`, keeping its attributes. */
export function externaliseInlineScripts(
  html: string,
  writeAsset: (name: string, code: string) => void,
): string {
  let count = 0;
  let detectors = 0;
  const page = html.replace(INLINE_SCRIPT, (_tag, attributes: string, code: string) => {
    const body = code.endsWith(SYNTAX_VERDICT) ? withApiCheck(code) : code;
    detectors += body === code ? 0 : 1;
    const name = `boot-${++count}-${createHash('sha256').update(body).digest('hex').slice(0, 8)}.js`;
    writeAsset(name, body);
    return `<script${attributes} src="./${ASSETS}/${name}"></script>`;
  });
  if (detectors !== 1) {
    throw new Error(
      `@vitejs/plugin-legacy's detector not found once in index.html (${detectors}): see build/legacy-boot.ts`,
    );
  }
  return page;
}

export function legacyBoot(): Plugin {
  return {
    name: 'ketang:legacy-boot',
    apply: 'build',
    enforce: 'post',
    // After the files are written: the page is final then, whichever plugin wrote its scripts.
    writeBundle(options) {
      const dir = options.dir!;
      const file = path.join(dir, 'index.html');
      let html: string;
      try {
        html = readFileSync(file, 'utf8');
      } catch {
        return; // the legacy output's pass may come first, before the page exists
      }
      if (!INLINE_SCRIPT.test(html)) return; // already done on another output's pass
      INLINE_SCRIPT.lastIndex = 0;
      const page = externaliseInlineScripts(html, (name, code) =>
        writeFileSync(path.join(dir, ASSETS, name), code),
      );
      writeFileSync(file, page);
    },
  };
}
