import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTrickPlayReferences } from '../validate/checks.ts';
import { readMpd } from '../validate/read-mpd.ts';
import { fixTrickPlayReferences, listTrickPlayReferences } from './trick-play-references.ts';

// Written by Shaka Packager 3.4.2 for the e2e clip (H.264, HEVC, AV1 × 2 rungs), before finalising:
// two runs of the same command, two different wrong sets of references.
const FIXTURES = path.join(import.meta.dirname, '../../test/fixtures/mpd');
const raw = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const references = (xml: string) =>
  listTrickPlayReferences(readMpd(xml)).map((r) => `${r.name}→${r.references}`);

describe('trick-play references', () => {
  it.each([
    ['shaka-3.4.2-trick-1-3-2.mpd', '1/3/2'],
    ['shaka-3.4.2-trick-3-4-0.mpd', '3/4/0'],
  ])('%s: the check names each wrong reference; the rewrite points every set at its family', (file, seen) => {
    const xml = raw(file);
    expect(
      listTrickPlayReferences(readMpd(xml))
        .map((r) => r.references)
        .join('/'),
    ).toBe(seen);
    const before = checkTrickPlayReferences(readMpd(xml));
    expect(before.ok).toBe(false);
    expect(before.detail).toContain('trick/h264 (AdaptationSet 1) references AdaptationSet');
    expect(before.detail).toContain('expected 0');

    const { xml: fixed, fixed: changes } = fixTrickPlayReferences(xml);
    // In both runs every one of the three references was wrong.
    expect(changes.map((c) => c.name)).toEqual(['trick/h264', 'trick/hevc', 'trick/av1']);
    expect(references(fixed)).toEqual(['trick/h264→0', 'trick/hevc→2', 'trick/av1→4']);
    expect(checkTrickPlayReferences(readMpd(fixed))).toMatchObject({ ok: true });
  });

  it('changes nothing but the trickmode values: same document otherwise, and idempotent', () => {
    const xml = raw('shaka-3.4.2-trick-3-4-0.mpd');
    const { xml: fixed } = fixTrickPlayReferences(xml);
    const strip = (text: string) => text.replace(/(trickmode" value=")\d+/g, '$1').trimEnd();
    expect(strip(fixed)).toBe(strip(xml));
    expect(fixed).toContain('<!--Generated with https://github.com/shaka-project/shaka-packager');
    expect(fixTrickPlayReferences(fixed)).toEqual({ xml: fixed, fixed: [] });
  });

  it('with several sets of one family, picks the one holding a rung of the trick track’s size', () => {
    // Split the H.264 set in two by resolution (as a packager splitting by size would) and aim the trick
    // set (320×180) at the 360p half.
    const xml = raw('shaka-3.4.2-trick-3-4-0.mpd')
      .replace(
        /(<Representation id="0"[\s\S]*?<\/Representation>)\s*(<Representation id="1")/,
        '$1\n    </AdaptationSet>\n    <AdaptationSet id="9" contentType="video">\n      $2',
      )
      .replace(/(trickmode" value=")3"/, '$19"');
    const mpd = readMpd(xml);
    expect(mpd.adaptationSets.find((s) => s.id === '9')?.sizes).toEqual([{ width: 640, height: 360 }]);
    expect(checkTrickPlayReferences(mpd).detail).toContain(
      'trick/h264 (AdaptationSet 1) references AdaptationSet 9, expected 0',
    );
    expect(references(fixTrickPlayReferences(xml).xml)[0]).toBe('trick/h264→0');
  });

  it('fails a trick-play set with no main set of its family, naming it', () => {
    const xml = raw('shaka-3.4.2-trick-3-4-0.mpd').replace(/codecs="av01[^"]*"/, 'codecs="vp09.00.10.08"');
    const check = checkTrickPlayReferences(readMpd(xml));
    expect(check.ok).toBe(false);
    expect(check.detail).toContain('no main set of its codec family');
  });
});
