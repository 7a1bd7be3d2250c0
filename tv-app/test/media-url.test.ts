// endpoints.cdnBase: the API's media and picture paths are fetched from the carrier's CDN when it names one.
import { readFileSync } from 'node:fs';
import type { Playback } from '@ketang/contract';
import { afterAll, describe, expect, it } from 'vitest';
import { sizedImageUrl } from '../src/api/formatters/image.formatter.ts';
import { mediaUrl, withMediaBase } from '../src/api/media-url.ts';
import { DEFAULT_CONFIG, loadCarrierConfig, mergeCarrierConfig } from '../src/config.ts';

/** Loads a carrier config the way the box does (fetch of carrier.json), from a data: URL. */
const load = (overrides: unknown) =>
  loadCarrierConfig(`data:application/json,${encodeURIComponent(JSON.stringify(overrides))}`);

const packaged = {
  type: 'packaged',
  codecFamily: 'h264',
  assetId: 'a1',
  dashUrl: '/media/a1/manifest.mpd',
  hlsUrl: '/media/a1/master.m3u8',
  durationSeconds: 60,
  renditions: [],
  captions: [],
  thumbnailsUrl: '/media/a1/thumbs.vtt',
} as Playback;

describe('the media base', () => {
  afterAll(() => load({}));

  it('is the API (same origin) without a CDN', async () => {
    await load({});
    expect(mediaUrl('/media/a1/manifest.mpd')).toBe('/media/a1/manifest.mpd');
    expect(sizedImageUrl('/v1/images/k', { width: 400, height: 240 })).toBe('/v1/images/k?w=400&h=240');
  });

  it("puts the carrier's CDN in front of media and pictures, not of other hosts or API reads", async () => {
    const config = await load({
      apiBase: 'https://api.jx.example.cn',
      cdnBase: 'https://cdn.jx.example.cn/',
    });
    expect(config.cdnBase).toBe('https://cdn.jx.example.cn');
    expect(withMediaBase(packaged)).toMatchObject({
      dashUrl: 'https://cdn.jx.example.cn/media/a1/manifest.mpd',
      hlsUrl: 'https://cdn.jx.example.cn/media/a1/master.m3u8',
      thumbnailsUrl: 'https://cdn.jx.example.cn/media/a1/thumbs.vtt',
    });
    expect(sizedImageUrl('/v1/images/k', { width: 400, height: 240 })).toBe(
      'https://cdn.jx.example.cn/v1/images/k?w=400&h=240',
    );
    expect(sizedImageUrl('/media/a1/poster.jpg', { width: 400, height: 240 })).toBe(
      'https://cdn.jx.example.cn/media/a1/poster.jpg',
    );
    expect(mediaUrl('https://licensee.example/a.m3u8')).toBe('https://licensee.example/a.m3u8');
    const external = {
      type: 'external-hls',
      codecFamily: 'h264',
      url: 'https://l.example/x.m3u8',
    } as Playback;
    expect(withMediaBase(external)).toBe(external);
  });

  it("takes a carrier document's endpoints.cdnBase, and refuses a flat cdnBase that is no URL", () => {
    const { $schema: _hint, ...doc } = JSON.parse(
      readFileSync(new URL('../../carriers/jx-telecom/carrier.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    expect(mergeCarrierConfig(DEFAULT_CONFIG, doc, { userAgent: 'test' }).cdnBase).toBe(
      'https://cdn.ketang.jx.example.cn',
    );
    expect(() => mergeCarrierConfig(DEFAULT_CONFIG, { cdnBase: 'cdn.example' })).toThrow(
      'cdnBase: expected an http(s) URL',
    );
  });
});
