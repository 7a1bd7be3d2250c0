// The API's docs page (/v1/docs, Swagger UI from swagger-ui-dist) in Chromium: it draws every operation of
// /v1/openapi.json, operator ones included, under the page's CSP with no violation, and asks nothing of any
// other origin (it works offline). The real content API with the demo catalogue.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, saveScreenshot, VIEWPORT } from './browser.ts';
import { startContentApi, type RunningApi } from './content-api-server.ts';

describe('the API docs page in Chromium', () => {
  let api: RunningApi;
  let browser: Browser;

  beforeAll(async () => {
    api = await startContentApi();
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('lists the operator paths under its CSP, with no violation and no other origin', async () => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const violations: string[] = [];
    const elsewhere: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') violations.push(message.text());
    });
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(api.url) && !url.startsWith('data:')) elsewhere.push(url);
    });
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { reportViolation(text: string): void }).reportViolation(
          `${event.violatedDirective} ${event.blockedURI}`,
        ),
      );
    });

    const response = await page.goto(`${api.url}/v1/docs`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByText('/v1/operator/sessions', { exact: true }).first().waitFor({ timeout: 30_000 });
    const paths = await page
      .locator('.opblock-summary-path, .opblock-summary-path__deprecated')
      .allInnerTexts();
    const shown = paths.map((text) => text.replace(/\u200b/g, '').trim());
    expect(shown).toEqual(
      expect.arrayContaining([
        '/v1/operator/sessions',
        '/v1/operator/regions/{region}/lessons/{id}',
        '/v1/operator/assets/{id}',
        '/v1/household/profiles/{profileId}',
        '/v1/lessons',
      ]),
    );
    const spec = (await (await fetch(`${api.url}/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => key !== 'description')
        .map(() => path),
    );
    expect([...shown].sort()).toEqual(operations.sort());
    await saveScreenshot(page, 'api-docs', { fullPage: false });
    expect(violations).toEqual([]);
    expect(elsewhere).toEqual([]);
  }, 90_000);
});
