// Home's warm-ahead: which pictures and texts one focus move can bring on screen, and how they are loaded in
// idle time (against a texture cache shaped like @lightningjs/renderer 2.23's: states, keyed by URL).
import { describe, expect, it } from 'vitest';
import type { RailModel, TileModel } from '../src/api/formatters/tile.formatter.ts';
import { RAIL_HEADING_STYLE } from '../src/components/Rail.styles.ts';
import { CAPTION_TITLE_STYLE } from '../src/components/Tile/Tile.styles.ts';
import { createWarmer, warmJobsNear, type WarmJob, type WarmTarget } from '../src/home/warm-ahead.ts';
import { textTextureKey } from '../src/text/shared-text-textures.ts';

const tile = (rail: number, index: number, isTitleInPicture = true): TileModel => ({
  key: `lesson:${rail}-${index}`,
  kind: 'lesson',
  id: `${rail}-${index}`,
  title: `第${index}课`,
  subtitle: '数学 · 10:00',
  detail: '',
  href: `/lesson/${rail}-${index}`,
  thumbnailUrl: `/v1/images/${rail}-${index}.webp`,
  isTitleInPicture,
  isPlayable: true,
});
const rails: RailModel[] = Array.from({ length: 6 }, (_, r) => ({
  id: `rail-${r}`,
  title: `${r + 1}年级`,
  // Tile 2 of each rail is a video frame: it draws a caption band with two lines of text.
  tiles: Array.from({ length: 20 }, (_, t) => tile(r, t, t !== 2)),
}));
const pictures = (jobs: WarmJob[]) => jobs.flatMap((job) => ('picture' in job ? [job.picture] : []));
const texts = (jobs: WarmJob[]) => jobs.flatMap((job) => ('text' in job ? [job.text.text] : []));

describe('what one focus move can bring on screen', () => {
  it('is the rail two below, the next tiles along the rail, the rail above, then the tiles behind', () => {
    const jobs = warmJobsNear(rails, 2, 4);
    expect(pictures(jobs)).toEqual([
      ...[0, 1, 2, 3, 4].map((t) => `/v1/images/4-${t}.webp`),
      ...[5, 6, 7, 8, 9].map((t) => `/v1/images/2-${t}.webp`),
      ...[0, 1, 2, 3, 4].map((t) => `/v1/images/1-${t}.webp`),
      ...[1, 2, 3].map((t) => `/v1/images/2-${t}.webp`),
    ]);
    // Headings of the rails that scroll in; captions only for the video-frame tiles (covers carry the title).
    expect(texts(jobs)).toEqual([
      ...['5年级', '第2课', '数学 · 10:00'], // rail 4
      ...['2年级', '第2课', '数学 · 10:00'], // rail 1
      ...['第2课', '数学 · 10:00'], // rail 2, tile 2
    ]);
  });

  it('draws texts with the props their components give them', () => {
    const jobs = warmJobsNear(rails, 0, 0);
    expect(jobs).toContainEqual({ text: { ...RAIL_HEADING_STYLE, text: '3年级' } });
    expect(jobs).toContainEqual({ text: { ...CAPTION_TITLE_STYLE, text: '第2课' } });
  });

  it('stops at the edges of the home and of a rail', () => {
    const jobs = warmJobsNear(rails, 5, 19);
    expect(jobs.some((job) => 'text' in job && job.text.text === '5年级')).toBe(true); // the rail above
    expect(pictures(jobs).filter((url) => url.startsWith('/v1/images/5-'))).toEqual([
      '/v1/images/5-16.webp',
      '/v1/images/5-17.webp',
      '/v1/images/5-18.webp',
    ]);
  });
});

type Texture = { state: string; src: string };

/** The renderer's side: a texture per URL (its cache), loads that end when the test says. */
function textureCache() {
  const textures = new Map<string, Texture>();
  const loads: { texture: Texture; finish: () => void }[] = [];
  const textNodes: Record<string, unknown>[] = [];
  const target: WarmTarget = {
    createTexture(_type, { src }) {
      if (!textures.has(src)) textures.set(src, { state: 'initial', src });
      return textures.get(src)!;
    },
    stage: {
      txManager: {
        loadTexture(texture, priority) {
          expect(priority).toBe(true);
          texture.state = 'loading';
          return new Promise<void>((resolve) =>
            loads.push({
              texture: texture as Texture,
              finish: () => {
                texture.state = 'loaded';
                resolve();
              },
            }),
          );
        },
      },
    },
    createTextNode(props) {
      textNodes.push(props as Record<string, unknown>);
      const listeners = new Map<string, () => void>();
      queueMicrotask(() => listeners.get('loaded')?.());
      return { destroy: () => undefined, once: (event, cb) => void listeners.set(event, cb) };
    },
  };
  return { target, textures, loads, textNodes };
}

/** Idle periods the test hands out one by one. */
function idleQueue() {
  type Deadline = { timeRemaining(): number; didTimeout?: boolean };
  const runs: ((deadline: Deadline) => void)[] = [];
  return {
    schedule: (run: (deadline: Deadline) => void) => void runs.push(run),
    idle: (ms = 50) => runs.shift()?.({ timeRemaining: () => ms }),
    /** The idle callback's timeout passed without an idle period. */
    late: () => runs.shift()?.({ timeRemaining: () => 0, didTimeout: true }),
    get scheduled() {
      return runs.length;
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the warmer', () => {
  it('loads pictures in idle time, four at a time, and skips what the cache holds loaded', async () => {
    const cache = textureCache();
    cache.target.createTexture('ImageTexture', { src: 'b' });
    cache.textures.get('b')!.state = 'loaded';
    const idle = idleQueue();
    const warmer = createWarmer(cache.target, {}, idle.schedule);
    warmer.warm(['a', 'b', 'c', 'd', 'e', 'f'].map((picture) => ({ picture })));
    expect(cache.loads).toHaveLength(0); // nothing before an idle period
    idle.idle();
    expect(cache.loads.map((load) => load.texture.src)).toEqual(['a', 'c', 'd', 'e']);
    expect(idle.scheduled).toBe(0); // nothing more can start until a load ends
    cache.loads[0]!.finish();
    await settle();
    idle.idle();
    expect(cache.loads.map((load) => load.texture.src)).toEqual(['a', 'c', 'd', 'e', 'f']);
    expect(cache.textures.get('a')!.state).toBe('loaded');
  });

  it('drops what still waits when focus moves on, and does nothing in a short idle period', async () => {
    const cache = textureCache();
    const idle = idleQueue();
    const warmer = createWarmer(cache.target, {}, idle.schedule);
    warmer.warm(['1', '2', '3', '4', '5', '6'].map((picture) => ({ picture })));
    idle.idle(1);
    expect(cache.loads).toHaveLength(0);
    idle.idle();
    warmer.warm([{ picture: 'x' }]);
    cache.loads[0]!.finish();
    await settle();
    idle.idle();
    expect(cache.loads.map((load) => load.texture.src)).toEqual(['1', '2', '3', '4', 'x']);
  });

  it('does one job at a time when no idle period comes, skipping what is already done', () => {
    const cache = textureCache();
    cache.target.createTexture('ImageTexture', { src: 'done' });
    cache.textures.get('done')!.state = 'loaded';
    const idle = idleQueue();
    const warmer = createWarmer(cache.target, {}, idle.schedule);
    warmer.warm([{ picture: 'done' }, { picture: 'a' }, { picture: 'b' }]);
    idle.late();
    expect(cache.loads.map((load) => load.texture.src)).toEqual(['a']);
    idle.late();
    expect(cache.loads.map((load) => load.texture.src)).toEqual(['a', 'b']);
  });

  it('draws texts while pictures wait for a free load', async () => {
    const cache = textureCache();
    const idle = idleQueue();
    const warmer = createWarmer(cache.target, {}, idle.schedule);
    warmer.warm([...['1', '2', '3', '4', '5'].map((picture) => ({ picture })), { text: { text: '一年级' } }]);
    idle.idle();
    expect(cache.loads).toHaveLength(4);
    expect(cache.textNodes.map((props) => props.text)).toEqual(['一年级']);
  });

  it('lays a text out once, with the configured font settings under its own props', async () => {
    const cache = textureCache();
    const idle = idleQueue();
    const warmer = createWarmer(cache.target, { fontFamily: 'Ketang', fontSize: 30 }, idle.schedule);
    const heading = { text: { fontSize: 36, text: '一年级' } };
    warmer.warm([heading]);
    idle.idle();
    warmer.warm([heading, { text: { text: '第1课' } }]);
    idle.idle();
    await settle();
    expect(cache.textNodes).toEqual([
      { fontFamily: 'Ketang', fontSize: 36, text: '一年级', x: 0, y: 0 },
      { fontFamily: 'Ketang', fontSize: 30, text: '第1课', x: 0, y: 0 },
    ]);
  });
});

describe('text texture keys', () => {
  const settings = { text: '一年级', fontSize: 36, textColor: [1, 1, 1, 1], trFontFace: { face: 1 } };

  it('are the same for the same drawing and differ when the text or its colour does', () => {
    expect(textTextureKey(settings)).toBe(textTextureKey({ ...settings, trFontFace: { face: 2 } }));
    expect(textTextureKey(settings)).not.toBe(textTextureKey({ ...settings, text: '二年级' }));
    expect(textTextureKey(settings)).not.toBe(textTextureKey({ ...settings, textColor: [1, 0, 0, 1] }));
  });
});
