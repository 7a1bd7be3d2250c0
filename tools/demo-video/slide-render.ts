import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LessonPlan } from './lesson-plan.ts';
import { runProcess } from './run-process.ts';
import { layoutSlide, type SlideLayout } from './slide-layout.ts';
import type { Toolchain } from './toolchain.ts';

const BOLD_BORDER_EM = 0.025;

/** Escapes a value for a filter option, then for the filtergraph around it (ffmpeg's two quoting levels). */
export function escapeFilterValue(value: string): string {
  const optionEscaped = value.replace(/[\\':]/g, '\\$&');
  return optionEscaped.replace(/[\\'[\],;]/g, '\\$&');
}

/**
 * ffmpeg arguments that draw one slide into a PNG. Text comes from files (`textFiles[i]` holds
 * `layout.texts[i].text`), which avoids quoting text inside the filtergraph; expansion is off so `%` is literal.
 */
export function buildSlideRenderArgs(
  layout: SlideLayout,
  textFiles: readonly string[],
  fontFamily: string,
  outputPng: string,
): string[] {
  const boxes = layout.boxes.map(
    (box) => `drawbox=x=${box.x}:y=${box.y}:w=${box.width}:h=${box.height}:color=${box.colour}:t=fill`,
  );
  const texts = layout.texts.map((item, index) => {
    const textFile = textFiles[index];
    if (textFile === undefined) throw new RangeError(`no text file for slide text ${index}`);
    return [
      `drawtext=font=${escapeFilterValue(fontFamily)}`,
      `textfile=${escapeFilterValue(textFile)}`,
      'expansion=none',
      `fontsize=${item.fontSize}`,
      `fontcolor=${item.colour}`,
      `line_spacing=${item.lineSpacing}`,
      `x=${item.x}`,
      `y=${item.y}`,
      // Bold by a border in the text colour: drawtext's `font` takes a family name only, not a style.
      ...(item.isBold
        ? [`borderw=${Math.max(1, Math.round(item.fontSize * BOLD_BORDER_EM))}`, `bordercolor=${item.colour}`]
        : []),
    ].join(':');
  });
  return [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-y'],
    ...['-f', 'lavfi', '-i', `color=c=${layout.background}:s=${layout.width}x${layout.height}:r=1`],
    ...['-vf', [...boxes, ...texts].join(','), '-frames:v', '1', '-f', 'image2', '-c:v', 'png', outputPng],
  ];
}

/** Draws every slide of a lesson as `slide-<n>.png` in `workDir`; returns the PNG paths in slide order. */
export async function renderSlides(
  plan: LessonPlan,
  workDir: string,
  toolchain: Toolchain,
): Promise<string[]> {
  const pngs: string[] = [];
  for (let slideIndex = 0; slideIndex < plan.script.slides.length; slideIndex++) {
    const layout = layoutSlide(plan, slideIndex);
    const textFiles = layout.texts.map((_, index) => join(workDir, `slide-${slideIndex}-text-${index}.txt`));
    await Promise.all(layout.texts.map((item, index) => writeFile(textFiles[index] as string, item.text)));
    const png = join(workDir, `slide-${slideIndex}.png`);
    await runProcess(toolchain.ffmpeg, buildSlideRenderArgs(layout, textFiles, plan.fontFamily, png));
    pngs.push(png);
  }
  return pngs;
}
