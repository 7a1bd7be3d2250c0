import { execFileSync } from 'node:child_process';
import path from 'node:path';

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const SLIDE_SECONDS = 4;

/** How the source is delivered: ProRes 422 HQ is what editors hand over; light H.264 is a re-encoded copy. */
export type SourceFormat = 'prores' | 'h264';

const ENCODINGS: Record<SourceFormat, { extension: string; args: string[] }> = {
  // A mezzanine as an editor exports it: intra-only, 10-bit 4:2:2, PCM audio (the packager converts both).
  prores: {
    extension: 'mov',
    args: ['-c:v', 'prores_ks', '-profile:v', '3', '-pix_fmt', 'yuv422p10le', '-c:a', 'pcm_s16le'],
  },
  // High-quality H.264 (CRF 12): only about 1 Mbit/s on synthetic slides, so cheap to decode.
  h264: {
    extension: 'mp4',
    args: [
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-crf',
      '12',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
      '-b:a',
      '192k',
    ],
  },
};

/**
 * A lesson-like source: static slides with text and boxes that change every few seconds, a small moving
 * "teacher" window in a corner, a tone for narration.
 */
export function makeLessonSource(
  dir: string,
  scenario: { width: number; height: number; seconds: number; format: SourceFormat },
): string {
  const { width, height, seconds, format } = scenario;
  const encoding = ENCODINGS[format];
  const file = path.join(dir, `lesson-${height}p-${seconds}s-${format}.${encoding.extension}`);
  const scale = height / 1080;
  const font = (size: number) => `fontfile=${FONT}:fontsize=${Math.round(size * scale)}`;
  const slides = Array.from({ length: Math.ceil(seconds / SLIDE_SECONDS) }, (_, i) => {
    const on = `enable='between(t,${i * SLIDE_SECONDS},${(i + 1) * SLIDE_SECONDS})'`;
    return [
      `drawbox=x=${Math.round(120 * scale)}:y=${Math.round(100 * scale)}:w=iw*0.6:h=${Math.round(12 * scale)}:color=0x1f77b4:t=fill:${on}`,
      `drawtext=${font(72)}:text='Lesson ${i + 1}  Fractions':x=${Math.round(120 * scale)}:y=${Math.round(160 * scale)}:fontcolor=black:${on}`,
      ...[0, 1, 2, 3].map(
        (line) =>
          `drawtext=${font(44)}:text='point ${line + 1} of slide ${i + 1} = 1/${line + 2} + 1/${line + 3}':x=${Math.round(160 * scale)}:y=${Math.round((320 + line * 90) * scale)}:fontcolor=0x333333:${on}`,
      ),
    ].join(',');
  });
  const teacher = `testsrc2=size=${Math.round(480 * scale)}x${Math.round(270 * scale)}:rate=25`;
  const graph = `[0:v]${slides.join(',')}[bg];[1:v]format=yuv420p[t];[bg][t]overlay=x=W-w-${Math.round(60 * scale)}:y=H-h-${Math.round(60 * scale)}[v]`;
  execFileSync('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y'],
    ...['-f', 'lavfi', '-i', `color=c=white:s=${width}x${height}:r=25`],
    ...['-f', 'lavfi', '-i', teacher],
    ...['-f', 'lavfi', '-i', 'sine=frequency=220:sample_rate=48000'],
    ...['-filter_complex', graph, '-map', '[v]', '-map', '2:a', '-t', String(seconds)],
    ...encoding.args,
    file,
  ]);
  return file;
}
