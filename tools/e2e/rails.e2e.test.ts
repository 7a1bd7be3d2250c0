// Home with 30 rails, walked by keys: every focused tile must belong to the rail whose heading it sits
// under, in the order of the home document the server answered. (A VirtualColumn used to recycle a rail's
// node for another rail and keep the old tiles under the new heading.)
// Against the fixture server: the demo content has a handful of rails, and this checks the home screen's
// virtualization, not the API; the expected rails are read back from the server, not from the generator.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openTv, saveScreenshot } from './browser.ts';
import { buildTvApp } from './build-app.ts';
import { startFixtureServer, type FixtureServer } from './fixture-server.ts';
import { press, waitForFocus } from './remote.ts';

const RAILS = 30;
const TILES = 10; // more than the row shows (5 + 2 buffered), so the row scrolls too
const SUBJECTS = ['数学', '语文', '英语', '科学', '音乐'];
// Right presses per rail, in turn: 6 scrolls the row (5 shown); ~2-3 s per key on a loaded 2-core box.
const RIGHT_STEPS = [6, 0, 1];

type HomeDoc = { rails: { title: { zh: string }; items: { title: { zh: string } }[] }[] };

/** 30 rails with headings like "4年级·科学" and titles found in no other rail. */
function makeHome(): unknown {
  return {
    rails: Array.from({ length: RAILS }, (_, r) => {
      const grade = (r % 6) + 1;
      const subject = SUBJECTS[Math.floor(r / 6) % SUBJECTS.length]!;
      return {
        id: `rail-${r}`,
        kind: 'lessons',
        title: { zh: `${grade}年级·${subject}`, en: `Grade ${grade}` },
        items: Array.from({ length: TILES }, (_, t) => ({
          id: `l-rail-${r}-${t}`,
          title: { zh: `${grade}年级${subject}第${t + 1}课` },
          durationSeconds: 600,
          teachers: ['王老师'],
          periodCount: 1,
          playable: true,
          subject: { id: `s${r}`, name: { zh: subject } },
          grade: { id: `g${grade}`, name: { zh: `${grade}年级` } },
        })),
      };
    }),
  };
}

/** The focused tile's title and the heading of the rail it sits in, read in one round trip. */
function focusedTile(page: Page): Promise<{ title: string; heading: string }> {
  return page.evaluate(() => {
    const hooks = (
      window as unknown as { __ketang?: { focusedText?: () => string; focusedRailHeading?: () => string } }
    ).__ketang;
    return { title: hooks?.focusedText?.() ?? '', heading: hooks?.focusedRailHeading?.() ?? '' };
  });
}

describe('Home with 30 rails', () => {
  let server: FixtureServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await buildTvApp();
    server = await startFixtureServer({ home: makeHome() });
    browser = await launchChromium();
    page = await openTv(browser, `${server.url}/`);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows under every heading the tiles of that rail, walking Down and Right, then Up', async () => {
    const home = (await (await fetch(`${server.url}/v1/home`)).json()) as HomeDoc;
    expect(home.rails).toHaveLength(RAILS);
    const titlesOf = (rail: number) => home.rails[rail]!.items.map((item) => item.title.zh);
    const checked: string[] = [];

    /** The focused tile is in rail `rail` (heading and title); returns its index in that rail. */
    const expectIn = async (rail: number): Promise<number> => {
      const { title, heading } = await focusedTile(page);
      checked.push(`${heading} / ${title}`);
      expect(heading, `heading of rail ${rail}`).toBe(home.rails[rail]!.title.zh);
      expect(titlesOf(rail), `"${title}" under "${heading}"`).toContain(title);
      return titlesOf(rail).indexOf(title);
    };

    await waitForFocus(page, (text) => text === titlesOf(0)[0], 20_000);
    for (let rail = 0; rail < RAILS; rail++) {
      if (rail > 0) await press(page, 'ArrowDown');
      let index = await expectIn(rail);
      for (let step = 0; step < RIGHT_STEPS[rail % RIGHT_STEPS.length]!; step++) {
        await press(page, 'ArrowRight');
        const next = await expectIn(rail);
        expect(next, `Right moves one tile along rail ${rail}`).toBe(Math.min(index + 1, TILES - 1));
        index = next;
      }
      if (rail === 12) await saveScreenshot(page, 'rails-30-walk');
    }
    for (let rail = RAILS - 2; rail >= 0; rail--) {
      await press(page, 'ArrowUp');
      await expectIn(rail);
    }
    const rightPresses = Array.from({ length: RAILS }, (_, r) => RIGHT_STEPS[r % RIGHT_STEPS.length]!);
    expect(checked).toHaveLength(RAILS + rightPresses.reduce((a, b) => a + b, 0) + RAILS - 1);
  }, 900_000);
});
