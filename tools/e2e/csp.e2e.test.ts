// The security headers (docs/security.md) against the real builds in Chromium: the TV app at `/` and the
// parent's phone page at `/family/` load, draw and talk to the API under the content API's CSP, with no
// policy violation reported. The real content API with the demo catalogue; no video needed. (Playback under
// the policy — MediaSource from blob: — is what tv-app.e2e.test.ts exercises against the same server.)
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, saveScreenshot, VIEWPORT } from './browser.ts';
import { buildTvApp, buildWebPages } from './build-app.ts';
import { startContentApi, type RunningApi } from './content-api-server.ts';
import { waitForFocus } from './remote.ts';

/** Collects CSP violations the page reports, and console errors that name the policy. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      violations.push(message.text());
  });
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { reportViolation(text: string): void }).reportViolation(
        `${event.violatedDirective} ${event.blockedURI}`,
      ),
    );
  });
  return violations;
}

describe('the CSP in Chromium', () => {
  let api: RunningApi;
  let browser: Browser;

  beforeAll(async () => {
    await Promise.all([buildTvApp(), buildWebPages()]);
    api = await startContentApi();
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('lets the TV app load and draw its home with no violation', async () => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const violations = await watchViolations(page);
    const response = await page.goto(`${api.url}/`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await waitForFocus(page, (text) => text.length > 0, 30_000);
    await page.waitForTimeout(2_000); // pictures and fonts arrive after the first focus
    await saveScreenshot(page, 'csp-tv-home');
    // Browse draws textbook covers (the image endpoint) and the facet rails: pictures, fonts, the image worker.
    await page.goto(`${api.url}/#/browse`);
    await waitForFocus(page, (text) => text.length > 0, 30_000);
    await page.waitForTimeout(3_000);
    await saveScreenshot(page, 'csp-tv-browse');
    expect(violations).toEqual([]);
  }, 90_000);

  it('lets the phone page load with its own policy and no violation', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const violations = await watchViolations(page);
    const response = await page.goto(`${api.url}/family/`);
    expect(response?.headers()['content-security-policy']).toContain("connect-src 'self'");
    await page.waitForLoadState('networkidle');
    await saveScreenshot(page, 'csp-phone-page');
    expect(await page.locator('body').innerText()).not.toBe('');
    expect(violations).toEqual([]);
  }, 60_000);
});
