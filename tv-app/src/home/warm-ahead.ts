// What a focus move on Home can bring on screen next is drawn while focus rests: the pictures and text
// textures of the tiles one move away. Without this, the first frame of a rail scrolling in asked the image
// workers for its pictures and drew its heading and captions (canvas fillText and a read-back) in the same
// frame that laid out its new nodes: the slowest frames of a focus walk (tools/bench/tv/frame-tail.ts).
import type { RailModel, TileModel } from '../api/formatters/tile.formatter.ts';
import { CAPTION_SUBTITLE_STYLE, CAPTION_TITLE_STYLE } from '../components/Tile/Tile.styles.ts';
import { RAIL_HEADING_STYLE, VISIBLE_TILES } from '../components/Rail.styles.ts';
import { warmTextTexture, type TextRendererHost } from '../text/shared-text-textures.ts';

/** How far along the focused rail to draw ahead (Right, then Left). */
const AHEAD_IN_RAIL = 5;
const BEHIND_IN_RAIL = 3;
/** Picture loads in flight at once (the renderer decodes on two image workers; each waits for one). */
const PICTURES_IN_FLIGHT = 4;

/** A picture by URL, or a text node's props (style and text) as its component creates it. */
export type WarmJob = { picture: string } | { text: Record<string, unknown> };

const tileJobs = (tile: TileModel): WarmJob[] => {
  if (!tile.thumbnailUrl) return []; // sections: two lines of text on the tile's surface, rare on Home
  const picture = { picture: tile.thumbnailUrl };
  if (tile.isTitleInPicture) return [picture];
  return [
    picture,
    { text: { ...CAPTION_TITLE_STYLE, text: tile.title } },
    { text: { ...CAPTION_SUBTITLE_STYLE, text: tile.subtitle } },
  ];
};

/**
 * Costliest move first: the rail that scrolls in from below on Down (two below: the one below already
 * shows; a new rail brings a heading, five pictures and their captions at once), then the focused rail's
 * next tiles (Right brings one), the rail above for Up (alive above the clipped area but not drawn, so
 * nothing of it is loaded), then the focused rail's previous tiles (Left).
 */
export function warmJobsNear(rails: readonly RailModel[], railIndex: number, tileIndex: number): WarmJob[] {
  const jobs: WarmJob[] = [];
  const tiles = (rail: RailModel | undefined, from: number, to: number) => {
    if (rail) for (const tile of rail.tiles.slice(Math.max(0, from), to + 1)) jobs.push(...tileJobs(tile));
  };
  const rail = (other: RailModel | undefined) => {
    if (!other) return;
    jobs.push({ text: { ...RAIL_HEADING_STYLE, text: other.title } });
    tiles(other, 0, VISIBLE_TILES - 1);
  };
  rail(rails[railIndex + 2]);
  tiles(rails[railIndex], tileIndex + 1, tileIndex + AHEAD_IN_RAIL);
  rail(rails[railIndex - 1]);
  if (tileIndex > 0) tiles(rails[railIndex], tileIndex - BEHIND_IN_RAIL, tileIndex - 1);
  return jobs;
}

type Texture = { state: string };
/** What of @lightningjs/renderer 2.23 this needs: the texture cache a node's `src` uses, and its loader. */
export type WarmTarget = TextRendererHost & {
  createTexture(type: 'ImageTexture', props: { src: string }): Texture;
  stage: { txManager: { loadTexture(texture: Texture, priority?: boolean): Promise<void> } };
};
type IdleDeadline = { timeRemaining(): number; didTimeout?: boolean };
/** What `createWarmer` gives: `warm(jobs)` replaces what still waits. */
export type Warmer = ReturnType<typeof createWarmer>;

export type IdleScheduler = (run: (deadline: IdleDeadline) => void) => void;

/**
 * A focus move every 150–200 ms (a held key) leaves few idle periods while rails scroll: after this long the
 * work runs anyway, one job at a time, between frames.
 */
const IDLE_TIMEOUT_MS = 100;
/** requestIdleCallback where the engine has it (Chrome 47+); a short timeout and a small slice elsewhere. */
const whenIdle: IdleScheduler = (run) => {
  const idle = (globalThis as { requestIdleCallback?: (cb: (d: IdleDeadline) => void, o: object) => number })
    .requestIdleCallback;
  if (idle) idle(run, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(() => run({ timeRemaining: () => 4 }), 50);
};
/** Leave this much of an idle period unused: a text texture costs about a millisecond to draw. */
const SLICE_MARGIN_MS = 3;
/** Texts drawn ahead already, so a focus move does not lay them out again (forgotten past this many). */
const REMEMBERED_TEXTS = 400;

/**
 * Works through the jobs in idle time: a picture goes into the renderer's texture cache (a node given the
 * same `src` finds it loaded: `ImageTexture` caches by URL), loaded with priority so it is uploaded when its
 * worker answers rather than in the renderer's per-frame upload queue; a text is drawn into its shared
 * texture (`shareTextTextures`). `warm` replaces what still waits (focus moved on); started work finishes.
 */
export function createWarmer(
  renderer: WarmTarget,
  /** Text props a text node gets when its own leave them unset (@lightningtv/core's Config.fontSettings). */
  textDefaults: Record<string, unknown>,
  schedule: IdleScheduler = whenIdle,
) {
  let waiting: WarmJob[] = [];
  let picturesInFlight = 0;
  let isScheduled = false;
  const warmedTexts = new Set<string>();

  const run = (deadline: IdleDeadline) => {
    isScheduled = false;
    let index = 0;
    // Asked late (no idle period came): one job even so; what is already done costs nothing and is skipped.
    let mayRun = deadline.didTimeout === true;
    while (index < waiting.length && (mayRun || deadline.timeRemaining() > SLICE_MARGIN_MS)) {
      const job = waiting[index]!;
      if ('text' in job) {
        waiting.splice(index, 1);
        const props = { ...textDefaults, ...job.text };
        const key = JSON.stringify(props);
        if (warmedTexts.has(key)) continue;
        if (warmedTexts.size >= REMEMBERED_TEXTS) warmedTexts.clear();
        warmedTexts.add(key);
        mayRun = false;
        void warmTextTexture(renderer, props);
        continue;
      }
      if (picturesInFlight >= PICTURES_IN_FLIGHT) {
        index += 1; // pictures wait for a load to end; texts behind them need not
        continue;
      }
      waiting.splice(index, 1);
      const texture = renderer.createTexture('ImageTexture', { src: job.picture });
      if (texture.state !== 'initial' && texture.state !== 'freed') continue; // loaded, loading or failed
      picturesInFlight += 1;
      mayRun = false;
      void renderer.stage.txManager
        .loadTexture(texture, true)
        .catch(() => undefined) // a picture that fails here fails again, visibly, when its tile asks for it
        .finally(() => {
          picturesInFlight -= 1;
          next();
        });
    }
    next();
  };
  /** Another idle period is wanted while something waits that could start now. */
  const next = () => {
    if (isScheduled) return;
    const canStart = waiting.some((job) => 'text' in job || picturesInFlight < PICTURES_IN_FLIGHT);
    if (!canStart) return;
    isScheduled = true;
    schedule(run);
  };

  return {
    warm(jobs: WarmJob[]): void {
      waiting = [...jobs];
      next();
    },
  };
}
