// The demo as a family first meets it: the demo catalogue loaded as `npm start` loads it (the generated
// mirror through the real sync, the demo videos' manifest, packaged assets in the media folder, the channels'
// week of timetable), then a household and a child of the demo grade made through the API. Today's lessons
// must open with lessons that play, and the grade channel must be airing one.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PackagedAsset } from '@ketang/catalog';
import type { LessonDetail, OnAir, ProfileHome, Timetable } from '@ketang/contract';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/env.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { startServer, type RunningServer } from '../../src/server.ts';
import { ADMIN_PASSWORD, getJson, OPERATOR_TOKEN } from '../support/api.ts';
import { embeddedBackend } from '../support/backends.ts';
import { newChild, newHousehold } from '../support/family.ts';

const REPO = path.resolve(import.meta.dirname, '../../..');
/** The demo video's own lesson scripts (tools/demo-video/lessons.json): ids, subjects, grades, titles. */
type Scripts = {
  subjects: Record<string, { zh: string; en?: string }>;
  grades: Record<string, { zh: string; en?: string }>;
  lessons: { id: string; subject: string; grade: number; title: { zh: string; en?: string } }[];
};
const scripts = JSON.parse(readFileSync(path.join(REPO, 'tools/demo-video/lessons.json'), 'utf8')) as Scripts;
/** Still being packaged when the demo loads: the channels must not air it while others play. */
const UNPACKAGED = 'demo-math-g1-shapes';
const DEMO_LESSON = 'demo-math-g1-addition-within-10';

/** The demo video manifest as tools/demo-video writes it (the fields the demo loader reads). */
function writeDemoVideoManifest(dir: string): void {
  const lessons = scripts.lessons.map((script) => ({
    id: script.id,
    title: script.title,
    subject: { id: script.subject, name: scripts.subjects[script.subject] },
    grade: { level: script.grade, name: scripts.grades[String(script.grade)] },
    durationSeconds: 20,
  }));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ version: 1, lessons }));
}

/**
 * The packager's asset.json for each packaged lesson (what the demo loader registers). No segments: this test
 * is about what is planned and aired; the packager's and the TV's end-to-end tests package and play for real.
 */
function writePackagedAssets(mediaDir: string, ids: readonly string[]): void {
  for (const id of ids) {
    const asset: PackagedAsset = {
      id,
      durationSeconds: 20,
      dashUrl: `/media/${id}/manifest.mpd`,
      hlsUrl: `/media/${id}/master.m3u8`,
      renditions: [
        {
          id: 'h264-360p',
          codecFamily: 'h264',
          codecs: 'avc1.64001e',
          width: 640,
          height: 360,
          frameRate: 25,
          bandwidth: 55_090,
        },
      ],
      audio: [],
      captions: [],
      hasTrickPlay: false,
      encryption: 'none',
      createdAt: '2026-12-01T00:00:00.000Z',
    };
    mkdirSync(path.join(mediaDir, id), { recursive: true });
    writeFileSync(path.join(mediaDir, id, 'asset.json'), JSON.stringify(asset));
  }
}

describe('the demo for a new child (embedded store)', () => {
  const temp = mkdtempSync(path.join(tmpdir(), 'ketang-demo-home-'));
  let api: RunningServer;

  beforeAll(async () => {
    const storage = await embeddedBackend.open();
    const config: Config = {
      port: 0,
      host: '127.0.0.1',
      dataDir: storage.dataDir,
      mediaDir: path.join(temp, 'media'),
      tvAppDir: path.join(temp, 'no-tv-app'),
      demoVideoDir: path.join(temp, 'demo-video'),
      demoMirrorDir: path.join(temp, 'demo-mirror'),
      operatorToken: OPERATOR_TOKEN,
      adminPassword: ADMIN_PASSWORD,
      sessionTtlSeconds: 3600,
      logLevel: 'silent',
      responseCacheEntries: 1_000,
    } as Config;
    writeDemoVideoManifest(config.demoVideoDir);
    const packaged = scripts.lessons.map((script) => script.id).filter((id) => id !== UNPACKAGED);
    writePackagedAssets(config.mediaDir, packaged);
    const logger = pino({ level: 'silent' });
    api = await startServer({
      config,
      logger,
      seed: (stores, services) => loadDemo(stores, services, config, logger),
    });
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await embeddedBackend.shutdown();
    rmSync(temp, { recursive: true, force: true });
  });

  it("opens today's lessons with playable lessons, and the grade channel airs one now", async () => {
    const demoLesson = (await getJson(api.url, `/v1/lessons/${DEMO_LESSON}`)).body as LessonDetail;
    expect(demoLesson.playability.playable).toBe(true);
    const box = await newHousehold(api.url, { timeZone: 'Asia/Shanghai' });
    const childId = await newChild(api.url, box.headers, demoLesson.grade!.id);
    const homeAnswer = await getJson(api.url, `/v1/household/profiles/${childId}/home`, {
      headers: box.headers,
    });
    const home = homeAnswer.body as ProfileHome;

    // The first item is the lesson on air on the child's grade channel; it and the catch-up after it play.
    const [first] = home.today;
    expect(first).toMatchObject({ reasonCode: 'on-air', playable: true });
    const live = home.today.filter((item) => item.reasonCode === 'on-air' || item.reasonCode === 'catch-up');
    expect(home.today.slice(0, live.length)).toEqual(live);
    for (const item of live) expect(item, item.id).toMatchObject({ playable: true });

    const now = (await getJson(api.url, `/v1/channels/${first!.channelId}/now`)).body as OnAir;
    expect(now.now?.lesson).toMatchObject({ id: first!.id, playable: true });
    // The channel airs only packaged lessons: a demo video still being packaged waits for its asset.
    const today = (await getJson(api.url, `/v1/channels/${first!.channelId}/timetable`)).body as Timetable;
    expect(today.slots.length).toBeGreaterThan(0);
    for (const slot of today.slots) expect(slot.lesson, slot.id).toMatchObject({ playable: true });
    expect(today.slots.map((slot) => slot.lesson?.id)).not.toContain(UNPACKAGED);
  });

  it('gives its channels to the grades the demo videos are in', async () => {
    const { body } = await getJson(api.url, '/v1/channels');
    const channels = body.items as { id: string; now?: { lesson?: { playable: boolean } } }[];
    expect(channels).toHaveLength(2);
    for (const channel of channels) expect(channel.now?.lesson, channel.id).toMatchObject({ playable: true });
  });
});
