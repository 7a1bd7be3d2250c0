import type { CodecFamily } from '@ketang/catalog';
import { availableParallelism } from 'node:os';
import type { FamilyPlan, JobPlan, PlannedRendition, ThumbnailPlan } from '../plan/job-plan.ts';

/** Where each output of an encode goes (so runs can write to a scratch folder and move in when done). */
export interface EncodeOutputs {
  renditionPath: (rendition: PlannedRendition) => string;
  /** Sprite sheet pattern; the process that encodes H.264 renders the thumbnails (it decodes the source anyway). */
  thumbnailPattern?: string;
}

const COMMON_INPUT_ARGS = [
  '-hide_banner',
  '-nostdin',
  '-y',
  '-loglevel',
  'error',
  '-progress',
  'pipe:1',
  '-nostats',
];

/**
 * Pure: one ffmpeg process decodes the source once and encodes every rung of the given codec families. Each
 * size is scaled once, in a cascade (each from the next taller one), and shared by every family that has a
 * rung of that size; so no rung but the tallest reads the full-size frame.
 */
export function buildEncodeArgs(
  plan: JobPlan,
  families: readonly FamilyPlan[],
  outputs: EncodeOutputs,
  cores = availableParallelism(),
): string[] {
  const renditions = families.flatMap((family) => family.renditions);
  const sizesTallestFirst = uniqueSizes(renditions).sort((a, b) => b.height - a.height);
  const hasThumbnails = outputs.thumbnailPattern !== undefined;
  const sourceLabels = [
    ...(sizesTallestFirst.length > 0 ? ['[cascade0]'] : []),
    ...(hasThumbnails ? ['[thumbsin]'] : []),
  ];
  const graph = [
    `[0:${plan.source.video.index}]${[...plan.fixes.videoFilters, `split=${sourceLabels.length}`].join(',')}${sourceLabels.join('')}`,
  ];
  sizesTallestFirst.forEach((size, i) => {
    const labels = renditions.flatMap((r, index) => (sameSize(r, size) ? [`[out${index}]`] : []));
    if (i + 1 < sizesTallestFirst.length) labels.push(`[cascade${i + 1}]`);
    const fanOut = labels.length > 1 ? `,split=${labels.length}` : '';
    graph.push(`[cascade${i}]scale=${size.width}:${size.height}:flags=bicubic${fanOut}${labels.join('')}`);
  });
  if (hasThumbnails) graph.push(`[thumbsin]${thumbnailFilter(plan.thumbnails)}[thumbs]`);
  const args = [...COMMON_INPUT_ARGS, '-i', plan.source.file, '-filter_complex', graph.join(';')];
  renditions.forEach((rendition, i) => {
    const family = families.find((f) => f.family === rendition.family)!;
    args.push('-map', `[out${i}]`, '-an', '-sn', '-dn', ...videoCodecArgs(plan, family, rendition));
    args.push(...encoderThreadArgs(family.family, renditions.length, cores));
    args.push(outputs.renditionPath(rendition));
  });
  if (outputs.thumbnailPattern) {
    args.push('-map', '[thumbs]', '-c:v', 'mjpeg', '-q:v', '5', '-f', 'image2', '-start_number', '1');
    args.push(outputs.thumbnailPattern);
  }
  return args;
}

type Size = Pick<PlannedRendition, 'width' | 'height'>;

function sameSize(a: Size, b: Size): boolean {
  return a.width === b.width && a.height === b.height;
}

function uniqueSizes(renditions: readonly PlannedRendition[]): Size[] {
  const sizes: Size[] = [];
  for (const { width, height } of renditions) {
    if (!sizes.some((size) => sameSize(size, { width, height }))) sizes.push({ width, height });
  }
  return sizes;
}

function thumbnailFilter(thumbnails: ThumbnailPlan): string {
  const { intervalSeconds, width, height, columns, rows } = thumbnails;
  return `fps=1/${intervalSeconds},scale=${width}:${height},tile=${columns}x${rows}`;
}

/** Capped CRF, keyframes on a fixed time grid, codec-specific tags for boxes. */
function videoCodecArgs(plan: JobPlan, family: FamilyPlan, rendition: PlannedRendition): string[] {
  const gop = String(Math.round(plan.keyframeSeconds * plan.fixes.frameRate));
  const rate = [
    '-crf',
    String(family.crf),
    '-maxrate',
    `${rendition.maxrateKbps}k`,
    '-bufsize',
    `${rendition.bufsizeKbps}k`,
  ];
  const grid = ['-force_key_frames', `expr:gte(t,n_forced*${plan.keyframeSeconds})`, '-g', gop];
  const codecSpecific: Record<CodecFamily, string[]> = {
    h264: ['-c:v', 'libx264', '-preset', family.preset, '-profile:v', 'high'],
    // hvc1 so the init segment matches what HLS declares; closed GOPs so every segment starts cleanly.
    hevc: [
      '-c:v',
      'libx265',
      '-preset',
      family.preset,
      '-tag:v',
      'hvc1',
      '-flags',
      '+cgop',
      '-x265-params',
      'open-gop=0:log-level=error',
    ],
    av1: ['-c:v', 'libsvtav1', '-preset', family.preset],
  };
  return [...codecSpecific[family.family], ...rate, ...grid];
}

/**
 * Threads per encoder when several share one process. Each encoder's default assumes it has the machine to
 * itself; four of them on 2 cores then spend their time switching (x264: 15% slower, SVT-AV1: 15% slower and
 * a third of its CPU in the kernel). x265 shares one thread pool per process already and is left alone.
 */
export function encoderThreadArgs(family: CodecFamily, encodersInProcess: number, cores: number): string[] {
  if (encodersInProcess <= 1) return [];
  // x264 needs at least 2 so that encoding runs beside ffmpeg's decode-and-scale thread instead of in it.
  if (family === 'h264')
    return ['-threads', String(Math.max(2, Math.round((1.5 * cores) / encodersInProcess)))];
  if (family === 'av1') return ['-svtav1-params', `lp=${Math.max(1, Math.floor(cores / encodersInProcess))}`];
  return [];
}

/** Pure: AAC-LC 48 kHz stereo, encoded once for every family (silence when the source has no audio). */
export function buildAudioEncodeArgs(plan: JobPlan, outputPath: string): string[] {
  const { audio } = plan.fixes;
  const input =
    audio.kind === 'silent'
      ? [
          '-f',
          'lavfi',
          '-t',
          String(plan.durationSeconds),
          '-i',
          `anullsrc=r=${plan.audio.sampleRate}:cl=stereo`,
        ]
      : ['-i', plan.source.file];
  const map = audio.kind === 'silent' ? ['-map', '0:a:0'] : ['-map', `0:${audio.streamIndex}`];
  return [
    ...COMMON_INPUT_ARGS,
    ...input,
    ...map,
    '-vn',
    '-sn',
    '-dn',
    '-c:a',
    'aac',
    '-b:a',
    `${plan.audio.bitrateKbps}k`,
    '-ar',
    String(plan.audio.sampleRate),
    '-ac',
    '2',
    outputPath,
  ];
}
