/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

// The same variable as tools/e2e/browser.ts (the TV app's tests), so one setting serves every suite.
const CHROMIUM = process.env.KETANG_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--enable-unsafe-swiftshader',
  '--autoplay-policy=no-user-gesture-required',
];

export interface FamilyPlayResult {
  family: string;
  /** Video codecs of the variants Shaka kept after filtering by what the browser decodes. */
  keptCodecs: string[];
  startTime: number;
  endTime: number;
  decodedFrames: number;
  /** Trick-play segments Shaka fetched after `trickPlay(4)` while this family played (paths in the asset). */
  trickPlaySegments: string[];
  errors: string[];
}

/** RFC 6381 prefixes of our families, as a TV pins one with Shaka's `preferredVideo`. */
export const FAMILY_CODECS = { h264: 'avc1', hevc: 'hvc1', av1: 'av01' } as const;

/**
 * Loads a manifest in Shaka Player inside headless Chromium once per codec family (pinned the way a TV pins
 * it), plays the top rung Shaka kept for about 1.5 s, then engages trick play (fast forward ×4, as a remote's
 * FF key does) and reports what played, which trick-play segments were fetched, and what was filtered out.
 */
export async function playInChromium(pageUrl: string, manifestUrl: string): Promise<FamilyPlayResult[]> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set KETANG_CHROMIUM)`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  try {
    const page = await browser.newPage();
    await page.goto(pageUrl);
    const results: FamilyPlayResult[] = [];
    for (const [family, codec] of Object.entries(FAMILY_CODECS)) {
      results.push(await page.evaluate(playFamily, { manifestUrl, family, codec }));
    }
    return results;
  } finally {
    await browser.close();
  }
}

// Runs in the page: no closures over Node variables.
async function playFamily(args: {
  manifestUrl: string;
  family: string;
  codec: string;
}): Promise<FamilyPlayResult> {
  type ShakaTrack = { videoCodec: string | null; bandwidth: number };
  type ShakaPlayer = {
    attach(v: HTMLVideoElement): Promise<void>;
    load(url: string): Promise<void>;
    destroy(): Promise<void>;
    getVariantTracks(): ShakaTrack[];
    configure(c: object): void;
    selectVariantTrack(t: ShakaTrack, clear: boolean): void;
    trickPlay(rate: number): void;
    addEventListener(n: string, f: (e: { detail: { code: number } }) => void): void;
  };
  const shaka = (
    window as unknown as { shaka: { Player: new () => ShakaPlayer; polyfill: { installAll(): void } } }
  ).shaka;
  shaka.polyfill.installAll();
  const video = document.getElementById('v') as HTMLVideoElement;
  const player = new shaka.Player();
  const errors: string[] = [];
  player.addEventListener('error', (e) => errors.push(`shaka error ${e.detail.code}`));
  player.configure({
    preferredVideo: [{ codec: args.codec }],
    abr: { enabled: false },
    // A buffer shorter than one 4 s segment, so engaging trick play fetches trick-track segments.
    streaming: { bufferingGoal: 1, rebufferingGoal: 0.5, bufferBehind: 1 },
  });
  await player.attach(video);
  await player.load(args.manifestUrl);
  const kept = player.getVariantTracks().filter((t) => (t.videoCodec ?? '').startsWith(args.codec));
  const result = {
    family: args.family,
    keptCodecs: kept.map((t) => t.videoCodec ?? ''),
    startTime: 0,
    endTime: 0,
  };
  const top = kept.sort((a, b) => b.bandwidth - a.bandwidth)[0];
  let decodedFrames = 0;
  let trickPlaySegments: string[] = [];
  if (top) {
    player.selectVariantTrack(top, true);
    const before = video.getVideoPlaybackQuality().totalVideoFrames;
    await video.play();
    result.startTime = video.currentTime;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    video.pause();
    result.endTime = video.currentTime;
    decodedFrames = video.getVideoPlaybackQuality().totalVideoFrames - before;
    // Back to the start with a short buffer, so fast forward has segments left to fetch from the trick track.
    performance.clearResourceTimings();
    video.currentTime = 0;
    player.trickPlay(4);
    await video.play();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    trickPlaySegments = performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((pathname) => pathname.includes('/trick/'))
      .map((pathname) => pathname.slice(pathname.indexOf('/trick/') + 1));
  }
  await player.destroy();
  return { ...result, decodedFrames, trickPlaySegments, errors };
}
