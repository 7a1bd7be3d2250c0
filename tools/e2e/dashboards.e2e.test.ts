// The operators' DashboardsPage in headless Chromium at 1440×900, mounted by a harness page (as the console
// will mount it) against the REAL content API over stored, rolled-up data: the QoE tab's charts and table,
// suppressed cells shown as such, the learning tab in English, the county at a glance, and the CSV export.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import express from 'express';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../content-api/src/server.ts';
import { buildFixtureCatalogue } from '../../content-api/test/fixtures/catalogue.ts';
import { ADMIN_PASSWORD, sendJson, startApi } from '../../content-api/test/support/api.ts';
import { DAY, DAY_BEFORE, NOW, seedDashboardData } from '../../content-api/test/support/dashboard-seed.ts';
import { launchChromium } from './browser.ts';
import { consoleShot } from './console-flow.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const HARNESS_CONFIG = path.join(REPO, 'content-api/web/src/console/dashboards/harness/vite.config.ts');
const CONSOLE = { width: 1440, height: 900 };

/** The built harness at /, the API's /v1 passed through (same origin, as the console is served). */
async function serveHarness(dir: string, api: string): Promise<Server> {
  const app = express();
  app.use('/v1', async (req, res) => {
    const upstream = await fetch(`${api}/v1${req.url}`, {
      headers: { authorization: req.get('authorization') ?? '' },
    });
    res.status(upstream.status).type(upstream.headers.get('content-type') ?? 'text/plain');
    res.send(Buffer.from(await upstream.arrayBuffer()));
  });
  app.use(express.static(dir));
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

describe('the operator dashboards page in Chromium', () => {
  const workDir = mkdtempSync(path.join(tmpdir(), 'ketang-dashboards-e2e-'));
  let api: RunningServer;
  let harness: Server;
  let browser: Browser;
  let page: Page;
  let token: string;

  beforeAll(async () => {
    const built = path.join(workDir, 'harness');
    const build = promisify(execFile)(
      'npx',
      ['vite', 'build', '--config', HARNESS_CONFIG, '--outDir', built],
      {
        cwd: REPO,
      },
    );
    api = await startApi({ dataDir: path.join(workDir, 'store') }, buildFixtureCatalogue(NOW), {
      clock: () => NOW,
    });
    await api.rollups.stop();
    await seedDashboardData(api);
    await api.rollups.rollUpDay(DAY_BEFORE);
    await api.rollups.rollUpDay(DAY);
    token = (
      await sendJson(api.url, '/v1/operator/sessions', 'POST', {
        username: 'admin',
        password: ADMIN_PASSWORD,
      })
    ).body.token;
    await build;
    harness = await serveHarness(built, api.url);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: CONSOLE, locale: 'zh-CN', acceptDownloads: true });
    await context.addInitScript((value) => sessionStorage.setItem('ketang.harness.token', value), token);
    page = await context.newPage();
    const { port } = harness.address() as { port: number };
    await page.goto(`http://127.0.0.1:${port}/`);
    // The page reads the last 30 days up to the browser's today; the seeded days are in early December 2026.
    await page.fill('input[name="from"]', DAY_BEFORE);
    await page.dispatchEvent('input[name="from"]', 'change');
    await page.fill('input[name="to"]', DAY);
    await page.dispatchEvent('input[name="to"]', 'change');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => harness?.close(resolve));
    await api?.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('shows the QoE tab: three charts, the table, a small carrier suppressed', async () => {
    await page.waitForSelector('[data-testid="dashboard-table"] tbody tr');
    await expect.poll(() => page.locator('[data-testid="dashboard-chart"] svg').count()).toBe(3);
    await page.selectOption('select[name="groupBy"]', 'carrier');
    await page.waitForSelector('text=少于10户，不显示');
    const rows = await page.locator('[data-testid="dashboard-table"] tbody tr').allInnerTexts();
    expect(rows.find((row) => row.startsWith('ctcc'))).toContain('少于10户，不显示');
    // Keys read as names: a carrier the boxes did not name is 未知, not the API's `unknown`.
    expect(rows.find((row) => row.startsWith('未知'))).toContain('12');
    await consoleShot(page, 'dashboards-qoe');
  });

  it('exports exactly the shown cells as CSV', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=导出 CSV')]);
    const file = path.join(workDir, 'export.csv');
    await download.saveAs(file);
    const lines = readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    const fromApi = await fetch(
      `${api.url}/v1/operator/dashboards/qoe?from=${DAY_BEFORE}&to=${DAY}&groupBy=carrier&format=csv`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(lines).toEqual((await fromApi.text()).trim().split('\n'));
  });

  it('shows learning and the county at a glance', async () => {
    await page.click('role=tab[name="学习情况"]');
    await page.selectOption('select[name="groupBy"]', 'subject');
    // Subjects by their catalogue names (语文, 数学), not their ids.
    await page.waitForSelector('[data-testid="dashboard-table"] th:text-is("语文")');
    await page.waitForSelector('[data-testid="dashboard-table"] th:text-is("数学")');
    await consoleShot(page, 'dashboards-learning');
    await page.click('role=tab[name="区县概览"]');
    await page.waitForSelector('text=请填写地区和区县。');
    await page.fill('input[name="region"]', 'jx');
    await page.dispatchEvent('input[name="region"]', 'change');
    await page.fill('input[name="county"]', 'qingshan');
    await page.dispatchEvent('input[name="county"]', 'change');
    await expect.poll(() => page.locator('[data-testid="dashboard-chart"] svg').count()).toBe(4);
    await expect
      .poll(() => page.locator('figcaption').allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringContaining('各年级完成率')]));
    // A grade with its stage, as the console's grade pickers name it.
    await page.waitForSelector('[data-testid="dashboard-table"] th:text-is("小学 · 一年级")');
    await consoleShot(page, 'dashboards-county', { fullPage: true });
  }, 30_000);
});
