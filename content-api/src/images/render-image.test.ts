import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { subjectColours, wrapTitle } from './cover-svg.ts';
import { renderCover, resizePicture } from './render-image.ts';

const TILE = { width: 400, height: 240 };

/** The title band of a cover as raw greyscale pixels. */
async function titleBand(title: string): Promise<Buffer> {
  const cover = await renderCover({ kind: 'cover', title, subject: '数学', grade: '一年级' }, TILE, 'webp');
  return sharp(cover).extract({ left: 0, top: 72, width: 400, height: 80 }).greyscale().raw().toBuffer();
}

describe('generated covers', () => {
  it('draws a cover at the size asked, in the subject colour, with visible text', async () => {
    const cover = await renderCover(
      { kind: 'cover', title: '10以内的加法', subject: '数学', grade: '一年级' },
      TILE,
      'webp',
    );
    const image = sharp(cover);
    expect(await image.metadata()).toMatchObject({ width: 400, height: 240, format: 'webp' });
    const stats = await image.stats();
    // Not blank: white text over the colour spreads the channel values.
    expect(Math.max(...stats.channels.map((channel) => channel.stdev))).toBeGreaterThan(20);
    const [r, g, b] = stats.dominant ? [stats.dominant.r, stats.dominant.g, stats.dominant.b] : [0, 0, 0];
    const expected = subjectColours('数学').background;
    const hex = (at: number) => parseInt(expected.slice(at, at + 2), 16);
    expect(Math.abs(r - hex(1)) + Math.abs(g - hex(3)) + Math.abs(b - hex(5))).toBeLessThan(60);
  });

  it('renders real CJK glyphs, not tofu: different characters draw different pixels', async () => {
    // Missing glyphs all draw the same box, so two titles of the same length would come out identical.
    const [a, b] = await Promise.all([titleBand('认识图形'), titleBand('古诗朗读')]);
    let differing = 0;
    for (let i = 0; i < a.length; i++) if (Math.abs(a[i]! - b[i]!) > 64) differing++;
    expect(differing / a.length).toBeGreaterThan(0.02);
  });

  it('wraps a Chinese title by character and ends a cut line with an ellipsis', () => {
    expect(wrapTitle('认识立体图形', 4, 2)).toEqual(['认识立体', '图形']);
    expect(wrapTitle('一二三四五六七八九十', 4, 2)).toEqual(['一二三四', '五六七…']);
    expect(wrapTitle('abcd efgh', 3, 3)).toEqual(['abcd', 'efgh']);
  });

  it('takes a subject’s colours from the palette, the base subject for a sub-subject, else the default', () => {
    expect(subjectColours('语文·书法练习指导')).toEqual(subjectColours('语文'));
    expect(subjectColours('天文')).toEqual(subjectColours(undefined));
    expect(subjectColours('数学')).not.toEqual(subjectColours('语文'));
  });
});

describe('resizing pictures', () => {
  it('crops any picture to fill the tile size exactly', async () => {
    const wide = await sharp({ create: { width: 1920, height: 800, channels: 3, background: '#884422' } })
      .jpeg()
      .toBuffer();
    for (const format of ['webp', 'jpeg'] as const) {
      const resized = await resizePicture(wide, TILE, format);
      expect(await sharp(resized).metadata()).toMatchObject({ width: 400, height: 240, format });
    }
  });
});
