// The set-up of the console's end-to-end runs that end on a TV: the front ends built, a fresh content API, one
// Chromium with the console (1440×900) and a TV page of a region (its carrier.json names the region).
import type { Browser, Page } from 'playwright-core';
import { launchChromium, VIEWPORT } from './browser.ts';
import { buildTvApp, buildWebPages } from './build-app.ts';
import { ADMIN_PASSWORD, openConsole, TIME_ZONE } from './console-flow.ts';
import { startContentApi, type RunningApi } from './content-api-server.ts';

export type ConsoleAndTv = {
  api: RunningApi;
  browser: Browser;
  /** The console, not signed in yet (the admin's password is ADMIN_PASSWORD). */
  consolePage: Page;
  /** A TV of `region` (not opened yet), in the same zone as the console, so "today" is one day for both. */
  tv: Page;
  close(): Promise<void>;
};

export async function startConsoleAndTv(region: string): Promise<ConsoleAndTv> {
  await Promise.all([buildWebPages(), buildTvApp()]);
  const api = await startContentApi({ env: { KETANG_ADMIN_PASSWORD: ADMIN_PASSWORD } });
  const browser = await launchChromium();
  const consolePage = await openConsole(browser, api.url);
  const tvContext = await browser.newContext({ viewport: VIEWPORT, timezoneId: TIME_ZONE, locale: 'zh-CN' });
  // The carrier's config beside the app: this box belongs to the region.
  await tvContext.route('**/carrier.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ region }) }),
  );
  const tv = await tvContext.newPage();
  return {
    api,
    browser,
    consolePage,
    tv,
    async close() {
      await browser.close();
      await api.stop();
    },
  };
}
