import { describe, expect, it } from 'vitest';
import { familyOfCodec, keepCodecFamily, type MpdNode } from '../src/player/codec-family.ts';

const node = (tagName: string, attributes: Record<string, string>, children: MpdNode[] = []): MpdNode => ({
  tagName,
  attributes,
  children,
});

/** A manifest like the packager's: one adaptation set per family, audio, and codecs the API spells otherwise. */
function manifest(): MpdNode {
  const rep = (id: string, codecs: string) => node('Representation', { id, codecs, mimeType: 'video/mp4' });
  return node('MPD', {}, [
    node('Period', {}, [
      node('AdaptationSet', { contentType: 'video' }, [
        rep('h264-360p', 'avc1.64001e'),
        rep('h264-1080p', 'avc3.640028'),
      ]),
      node('AdaptationSet', { contentType: 'video' }, [rep('hevc-360p', 'hev1.1.6.L93.90')]),
      node('AdaptationSet', { contentType: 'video' }, [rep('av1-360p', 'av01.0.04M.08')]),
      node('AdaptationSet', { contentType: 'audio' }, [
        node('Representation', { id: 'audio', codecs: 'mp4a.40.2' }),
      ]),
    ]),
  ]);
}

const ids = (mpd: MpdNode) =>
  (mpd.children[0] as MpdNode).children.flatMap((set) =>
    (set as MpdNode).children.map((r) => (r as MpdNode).attributes.id),
  );

describe('codec family pinning', () => {
  it('names the family of any profile or level by its prefix', () => {
    expect(
      ['avc1.42c01e', 'avc3.640028', 'hvc1.2.4.L153', 'hev1.1.6.L93', 'av01.0.12M.10'].map(familyOfCodec),
    ).toEqual(['h264', 'h264', 'hevc', 'hevc', 'av1']);
    expect(familyOfCodec('vp09.00.10.08')).toBeUndefined();
  });

  it('keeps only the pinned family (and audio), whatever the exact codec strings', () => {
    const mpd = manifest();
    expect(keepCodecFamily(mpd, 'h264')).toBe(true);
    expect(ids(mpd)).toEqual(['h264-360p', 'h264-1080p', 'audio']);
  });

  it('leaves the manifest alone when the pinned family is absent', () => {
    const mpd = manifest();
    (mpd.children[0] as MpdNode).children.splice(2, 1); // no AV1
    expect(keepCodecFamily(mpd, 'av1')).toBe(false);
    expect(ids(mpd)).toEqual(['h264-360p', 'h264-1080p', 'hevc-360p', 'audio']);
  });
});
