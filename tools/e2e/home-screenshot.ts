// Looks at Home with pictures: the real content API with the demo catalogue, the built TV app, real Chromium.
//   npx tsx tools/e2e/home-screenshot.ts [--media <dir> --demo-video <dir>]   → .cache/screenshots/home-pictures*.png
// With packaged demo media (tools/e2e/demo-media.ts) the packaged lesson shows its poster; the rest show covers.
import { parseArgs } from 'node:util';
import { launchChromium, openTv, saveScreenshot } from './browser.ts';
import { buildTvApp } from './build-app.ts';
import { startContentApi } from './content-api-server.ts';
import { press, waitForFocus } from './remote.ts';

const { values } = parseArgs({ options: { media: { type: 'string' }, 'demo-video': { type: 'string' } } });
await buildTvApp();
const api = await startContentApi({ mediaDir: values.media, demoVideoDir: values['demo-video'] });
const browser = await launchChromium();
try {
  const page = await openTv(browser, api.url);
  await waitForFocus(page, (text) => text.length > 0, 30_000);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1_500);
  console.log(await saveScreenshot(page, 'home-pictures'));
  await press(page, 'ArrowRight');
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1_500);
  console.log(await saveScreenshot(page, 'home-pictures-hero'));
} finally {
  await browser.close();
  await api.stop();
}
