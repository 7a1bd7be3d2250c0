import palette from '../messages/cover-palette.json' with { type: 'json' };
import type { ImageSource } from './image-source.ts';
import type { ImageSize } from '@ketang/contract';

type CoverSource = Extract<ImageSource, { kind: 'cover' }>;

/** The system CJK face librsvg finds through fontconfig (Debian `fonts-noto-cjk`). */
const FONT_FAMILY = "'Noto Sans CJK SC', 'Noto Sans CJK', sans-serif";
const TITLE_LINES = 2;

/** Colours by the subject's Chinese name (stable across catalogue versions, unlike facet ids). */
export function subjectColours(subject: string | undefined): { background: string; accent: string } {
  const subjects = palette.subjects as Record<string, { background: string; accent: string }>;
  const base = subject?.split('·')[0];
  return (subject && (subjects[subject] ?? (base && subjects[base]))) || palette.default;
}

const escapeXml = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );

/** Width in ems: CJK and full-width characters take one em, the rest about half. */
const charWidth = (char: string) => (/[\u1100-\uffff]/.test(char) ? 1 : 0.56);

/** Greedy wrap by character (Chinese has no spaces); the last line ends in … when the title goes on. */
export function wrapTitle(title: string, emsPerLine: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  const chars = [...title.trim()];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (width + charWidth(char) > emsPerLine) {
      if (lines.length === maxLines - 1) return [...lines, `${[...line].slice(0, -1).join('')}…`];
      lines.push(line.trimEnd());
      line = '';
      width = 0;
      if (char === ' ') continue;
    }
    line += char;
    width += charWidth(char);
  }
  return line ? [...lines, line] : lines;
}

/**
 * A cover for a lesson without a picture: the subject's colour, its first character large and faint, grade
 * and subject at the top, the title in the upper half. The TV draws its own caption band over the lower
 * part of a tile, so the cover keeps that area calm.
 */
export function buildCoverSvg(source: CoverSource, { width, height }: ImageSize): string {
  const { background, accent } = subjectColours(source.subject);
  const pad = Math.round(width * 0.06);
  const labelSize = Math.round(height * 0.085);
  const titleSize = Math.round(height * 0.135);
  const titleLines = wrapTitle(source.title, (width - pad * 2) / titleSize, TITLE_LINES);
  const label = [source.grade, source.subject].filter(Boolean).join(' · ');
  const glyph = [...(source.subject ?? source.title)][0] ?? '';
  const glyphSize = Math.round(height * 0.9);
  const titleTop = Math.round(height * 0.3);
  const tspans = titleLines
    .map(
      (line, i) => `<tspan x="${pad}" y="${titleTop + titleSize * (i + 1) * 1.2}">${escapeXml(line)}</tspan>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<rect width="${width}" height="${height}" fill="${background}"/>
<circle cx="${width * 0.92}" cy="${height * 0.15}" r="${height * 0.55}" fill="${accent}" fill-opacity="0.18"/>
<text x="${width - pad * 0.5}" y="${height * 0.98}" text-anchor="end" font-family="${FONT_FAMILY}" font-weight="700" font-size="${glyphSize}" fill="#ffffff" fill-opacity="0.1">${escapeXml(glyph)}</text>
<rect x="${pad}" y="${pad}" width="${Math.round(height * 0.06)}" height="${labelSize}" rx="${Math.round(labelSize * 0.15)}" fill="${accent}"/>
<text x="${pad + Math.round(height * 0.1)}" y="${pad + labelSize * 0.86}" font-family="${FONT_FAMILY}" font-size="${labelSize}" fill="#ffffff" fill-opacity="0.9">${escapeXml(label)}</text>
<text font-family="${FONT_FAMILY}" font-weight="700" font-size="${titleSize}" fill="#ffffff">${tspans}</text>
</svg>`;
}
