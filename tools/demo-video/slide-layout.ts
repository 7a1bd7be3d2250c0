import type { LessonPlan } from './lesson-plan.ts';
import { SLIDE_THEME as THEME } from './slide-theme.ts';
import { wrapText } from './text-layout.ts';

/** A block of text drawn by one drawtext filter; `x` is an ffmpeg expression (may use w and tw). */
export interface SlideText {
  text: string;
  fontSize: number;
  x: string;
  y: number;
  colour: string;
  lineSpacing: number;
  isBold: boolean;
}

export interface SlideBox {
  x: number;
  y: number;
  width: number;
  height: number;
  colour: string;
}

export interface SlideLayout {
  width: number;
  height: number;
  background: string;
  boxes: SlideBox[];
  texts: SlideText[];
  /** Lowest pixel row used by the heading and bullets; must stay above the footer. */
  contentBottom: number;
  footerTop: number;
}

/** Scales design pixels (of a 1080-line frame) to the plan's resolution. */
type Scale = (designPixels: number) => number;

function textBlock(
  text: string,
  fontSize: number,
  at: { x: string; y: number },
  style: { colour: string; isBold?: boolean; maxWidth?: number; lineHeight?: number },
): { item: SlideText; height: number } {
  const lines = style.maxWidth ? wrapText(text, style.maxWidth / fontSize) : [text];
  const lineSpacing = Math.round(fontSize * ((style.lineHeight ?? 1) - 1));
  const item = {
    text: lines.join('\n'),
    fontSize,
    ...at,
    colour: style.colour,
    lineSpacing,
    isBold: !!style.isBold,
  };
  return { item, height: lines.length * fontSize + (lines.length - 1) * lineSpacing };
}

function layoutHeader(plan: LessonPlan, px: Scale): SlideText[] {
  const at = (x: string) => ({ x, y: px((THEME.headerHeight - THEME.headerFontSize) / 2) });
  const style = { colour: THEME.headerText, isBold: true };
  const subjectAndGrade = `${plan.subjectName.zh} · ${plan.gradeName.zh}`;
  return [
    textBlock(plan.script.title.zh, px(THEME.headerFontSize), at(String(px(THEME.marginX))), style).item,
    textBlock(subjectAndGrade, px(THEME.headerFontSize), at(`w-tw-${px(THEME.marginX)}`), style).item,
  ];
}

function layoutFooter(plan: LessonPlan, slideIndex: number, px: Scale): SlideText[] {
  const y = px(THEME.footerY);
  const style = { colour: THEME.mutedText };
  const slideNumber = `${slideIndex + 1} / ${plan.script.slides.length}`;
  return [
    textBlock(plan.script.title.en, px(THEME.footerFontSize), { x: String(px(THEME.marginX)), y }, style)
      .item,
    textBlock(slideNumber, px(THEME.footerFontSize), { x: `w-tw-${px(THEME.marginX)}`, y }, style).item,
  ];
}

/** Places the header band, heading, bullets and footer of one slide, in pixels of the plan's resolution. */
export function layoutSlide(plan: LessonPlan, slideIndex: number): SlideLayout {
  const { width, height } = plan.profile;
  const px: Scale = (designPixels) => Math.round((designPixels * height) / 1080);
  const slide = plan.script.slides[slideIndex];
  if (!slide) throw new RangeError(`lesson ${plan.script.id} has no slide ${slideIndex}`);
  const contentX = px(THEME.marginX + THEME.accentBarWidth + THEME.accentBarGap);
  const bulletTextX = contentX + px(THEME.bulletIndent);
  const accent = plan.accentColour;

  const headingY = px(THEME.headingY);
  const heading = textBlock(
    slide.heading,
    px(THEME.headingFontSize),
    { x: String(contentX), y: headingY },
    {
      ...{ colour: accent, isBold: true, lineHeight: THEME.headingLineHeight },
      maxWidth: width - contentX - px(THEME.marginX),
    },
  );
  const texts = [...layoutHeader(plan, px), heading.item];
  const boxes: SlideBox[] = [
    { x: 0, y: 0, width, height: px(THEME.headerHeight), colour: accent },
    {
      x: px(THEME.marginX),
      y: headingY,
      width: px(THEME.accentBarWidth),
      height: heading.height,
      colour: accent,
    },
    {
      x: 0,
      y: height - px(THEME.progressHeight),
      width,
      height: px(THEME.progressHeight),
      colour: THEME.progressTrack,
    },
  ];

  let y = headingY + heading.height + px(THEME.headingToBullets);
  const dotSize = px(THEME.bulletDotSize);
  for (const bullet of slide.bullets) {
    const block = textBlock(
      bullet,
      px(THEME.bulletFontSize),
      { x: String(bulletTextX), y },
      {
        ...{ colour: THEME.bodyText, lineHeight: THEME.bulletLineHeight },
        maxWidth: width - bulletTextX - px(THEME.marginX),
      },
    );
    texts.push(block.item);
    // A square dot drawn as a box: a '•' glyph would sit high, as drawtext aligns each text by its own ascent.
    const dotY = y + Math.round(px(THEME.bulletFontSize) * THEME.bulletDotCentre - dotSize / 2);
    boxes.push({ x: contentX + px(4), y: dotY, width: dotSize, height: dotSize, colour: accent });
    y += block.height + px(THEME.bulletFontSize * (THEME.bulletLineHeight - 1) + THEME.bulletGap);
  }
  texts.push(...layoutFooter(plan, slideIndex, px));
  return {
    width,
    height,
    background: THEME.background,
    boxes,
    texts,
    contentBottom: y,
    footerTop: px(THEME.footerY),
  };
}
