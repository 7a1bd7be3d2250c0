import { execFileSync } from 'node:child_process';
import path from 'node:path';

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const SLIDE_SECONDS = 4;

/**
 * A lesson-like mezzanine: static slides with text and boxes that change every few seconds, a small moving
 * "teacher" window in a corner, a tone for narration. High-quality H.264 (CRF 12), like an editor's export.
 */
export function makeLessonSource(dir: string, width: number, height: number, seconds: number): string {
  const file = path.join(dir, `lesson-${height}p-${seconds}s.mp4`);
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
    ...[
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
    file,
  ]);
  return file;
}
