// The head every page shares, added to each `<page>/index.html` by the build and the dev server (vite's
// transformIndexHtml): the pages' own files hold only their title, the root and their entry script.
import type { HtmlTagDescriptor, Plugin } from 'vite';

const meta = (attrs: Record<string, string>): HtmlTagDescriptor => ({
  tag: 'meta',
  attrs,
  injectTo: 'head-prepend',
});

export const PAGE_HEAD: readonly HtmlTagDescriptor[] = [
  meta({ charset: 'utf-8' }),
  meta({ name: 'viewport', content: 'width=device-width, initial-scale=1, viewport-fit=cover' }),
  // As the API's Referrer-Policy header: no page tells another site where its visitor came from.
  meta({ name: 'referrer', content: 'no-referrer' }),
  meta({ name: 'theme-color', content: '#f7f3ec' }),
];

export function pageHead(): Plugin {
  return { name: 'ketang-page-head', transformIndexHtml: () => [...PAGE_HEAD] };
}
