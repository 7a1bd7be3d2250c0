// The pages of the web workspace, each built to `dist/<page>/index.html` and served at `/<page>/`.
// The content API imports this list, so a new page is added in one place.
export const WEB_PAGES = ['family', 'activate', 'console'] as const;
export type WebPage = (typeof WEB_PAGES)[number];
/** Where the shared, content-hashed chunks go (a sibling of the pages in `dist/`). */
export const WEB_ASSETS_DIR = 'web-assets';
