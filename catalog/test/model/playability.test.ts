import { describe, expect, it } from 'vitest';
import { decidePlayability, decidePlayback, type VideoSource } from '../../src/index.ts';

const packaged: VideoSource = { type: 'packaged', id: 'v-ours', assetId: 'asset-1' };
const national: VideoSource = {
  type: 'external-hls',
  id: 'v-national',
  renditions: [{ label: '720p', height: 720, url: 'https://national.example.cn/a/720.m3u8' }],
  encryption: 'aes-128',
  licence: 'required',
};
const licensed: VideoSource = {
  type: 'external-hls',
  id: 'v-licensed',
  renditions: [{ label: '1080p', height: 1080, url: 'https://cdn.licensee.example.cn/master.m3u8' }],
  encryption: 'aes-128',
  licence: 'licensed',
  keyServiceUrl: 'https://keys.licensee.example.cn/k/',
};
const lesson = (videos: VideoSource[]) => ({ videos, status: 'active' as const });
const families = (map: Record<string, ('h264' | 'hevc' | 'av1')[]>) => (id: string) => map[id];

describe('decidePlayback: the one decision of what a box plays', () => {
  it('plays our packaged asset in the best family both the asset and the box have', () => {
    const assets = families({ 'asset-1': ['h264', 'av1'] });
    expect(decidePlayback(lesson([national, packaged]), assets, ['h264', 'hevc', 'av1'])).toEqual({
      playable: true,
      source: packaged,
      codecFamily: 'av1',
    });
    expect(decidePlayback(lesson([packaged]), assets, ['h264', 'hevc'])).toMatchObject({
      codecFamily: 'h264',
    });
  });

  it('plays a licensed external HLS source when no packaged asset is there, in H.264', () => {
    const decision = decidePlayback(lesson([national, licensed, packaged]), families({}), ['h264', 'av1']);
    expect(decision).toEqual({ playable: true, source: licensed, codecFamily: 'h264' });
  });

  it('says why not: licence, asset, codec, retired, no video', () => {
    expect(decidePlayback(lesson([national]), families({}))).toEqual({
      playable: false,
      reason: 'licence-required',
    });
    expect(decidePlayback(lesson([packaged]), families({}))).toEqual({
      playable: false,
      reason: 'asset-missing',
    });
    expect(decidePlayback(lesson([packaged]), families({ 'asset-1': ['av1'] }), ['h264'])).toEqual({
      playable: false,
      reason: 'no-decodable-codec',
    });
    expect(
      decidePlayback({ videos: [packaged], status: 'retired' }, families({ 'asset-1': ['h264'] })),
    ).toEqual({
      playable: false,
      reason: 'retired',
    });
    expect(decidePlayback(lesson([]), families({}))).toEqual({ playable: false, reason: 'no-video' });
  });

  it('tiles (no box asking) agree with a box that decodes H.264', () => {
    expect(decidePlayability(lesson([national, licensed]), () => false)).toEqual({
      playable: true,
      sourceId: 'v-licensed',
    });
    expect(decidePlayability(lesson([packaged]), (id) => id === 'asset-1')).toEqual({
      playable: true,
      sourceId: 'v-ours',
    });
  });
});
