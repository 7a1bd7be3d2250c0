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

interface Block {
  lines: string[];
  height: number;
  lineSpacing: number;
}

function wrapBlock(text: string, fontSize: number, maxWidth: number, lineHeight: number): Block {
  const lines = wrapText(text, maxWidth / fontSize);
  const lineSpacing = Math.round(fontSize * (lineHeight - 1));
  return { lines, lineSpacing, height: lines.length * fontSize + (lines.length - 1) * lineSpacing };
}

/** Places the header, heading, bullets and footer of one slide, in pixels of the plan's resolution. */
export function layoutSlide(plan: LessonPlan, slideIndex: number): SlideLayout {
  const { width, height } = plan.profile;
  const scale = height / 1080;
  const px = (designPixels: number) => Math.round(designPixels * scale);
  const slide = plan.script.slides[slideIndex];
  if (!slide) throw new RangeError(`lesson ${plan.script.id} has no slide ${slideIndex}`);
  const text = (value: string, fontSize: number, x: string, y: number, colour: string, lineSpacing = 0) => ({
    text: value,
    fontSize: px(fontSize),
    x,
    y,
    colour,
    lineSpacing,
  });

  const contentX = px(THEME.marginX + THEME.accentBarWidth + 28);
  const bulletTextX = contentX + px(THEME.bulletIndent);
  const heading = wrapBlock(
    slide.heading,
    px(THEME.headingFontSize),
    width - contentX - px(THEME.marginX),
    1.25,
  );
  const headingY = px(THEME.headingY);
  const texts: SlideText[] = [
    text(plan.script.title.zh, THEME.headerFontSize, String(px(THEME.marginX)), px(38), THEME.headerText),
    text(
      `${plan.subjectName.zh} · ${plan.gradeName.zh}`,
      THEME.headerFontSize,
      `w-tw-${px(THEME.marginX)}`,
      px(38),
      THEME.headerText,
    ),
    text(
      heading.lines.join('\n'),
      THEME.headingFontSize,
      String(contentX),
      headingY,
      plan.accentColour,
      heading.lineSpacing,
    ),
  ];

  const dots: SlideBox[] = [];
  let y = headingY + heading.height + px(THEME.bulletsY - THEME.headingY - THEME.headingFontSize);
  for (const bullet of slide.bullets) {
    const block = wrapBlock(
      bullet,
      px(THEME.bulletFontSize),
      width - bulletTextX - px(THEME.marginX),
      THEME.bulletLineHeight,
    );
    // A square dot drawn as a box: a '•' glyph would sit high, as drawtext aligns each text by its own ascent.
    const dot = px(THEME.bulletDotSize);
    const dotY = y + Math.round(px(THEME.bulletFontSize) * 0.5 - dot / 2);
    dots.push({ x: contentX + px(4), y: dotY, width: dot, height: dot, colour: plan.accentColour });
    texts.push(
      text(
        block.lines.join('\n'),
        THEME.bulletFontSize,
        String(bulletTextX),
        y,
        THEME.bodyText,
        block.lineSpacing,
      ),
    );
    y += block.height + px(THEME.bulletFontSize * (THEME.bulletLineHeight - 1) + THEME.bulletGap);
  }

  const footerTop = px(THEME.footerY);
  const slideNumber = `${slideIndex + 1} / ${plan.script.slides.length}`;
  texts.push(
    text(plan.script.title.en, THEME.footerFontSize, String(px(THEME.marginX)), footerTop, THEME.mutedText),
  );
  texts.push(
    text(slideNumber, THEME.footerFontSize, `w-tw-${px(THEME.marginX)}`, footerTop, THEME.mutedText),
  );

  const boxes: SlideBox[] = [
    { x: 0, y: 0, width, height: px(THEME.headerHeight), colour: plan.accentColour },
    {
      x: px(THEME.marginX),
      y: headingY,
      width: px(THEME.accentBarWidth),
      height: heading.height,
      colour: plan.accentColour,
    },
    {
      x: 0,
      y: height - px(THEME.progressHeight),
      width,
      height: px(THEME.progressHeight),
      colour: THEME.progressTrack,
    },
  ];
  return { width, height, background: THEME.background, boxes, texts, contentBottom: y, footerTop };
}
