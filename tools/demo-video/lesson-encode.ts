import { AUDIO, KEYFRAME_INTERVAL_SECONDS, type VideoProfile } from './render-profile.ts';
import type { LessonTimeline } from './timeline.ts';

export interface LessonEncodeInput {
  slidePngs: readonly string[];
  narrationWav: string;
  timeline: LessonTimeline;
  profile: VideoProfile;
  /** Colour of the progress bar, the only moving element. */
  accentColour: string;
  progressBarHeight: number;
  outputMp4: string;
}

/**
 * The filtergraph: each slide PNG is converted to BT.709 yuv420p once, then repeated for its frame count
 * (cheap, no per-frame decode or drawtext); the slides are concatenated and a progress bar slides in over
 * the whole lesson, which gives the encoder real motion.
 */
export function buildLessonFilterGraph(input: LessonEncodeInput): string {
  const { timeline, profile } = input;
  const slideChains = timeline.slides.map(
    (slide, index) =>
      `[${index}:v]scale=out_color_matrix=bt709:out_range=tv,format=yuv420p,setsar=1,` +
      `loop=loop=${slide.frameCount - 1}:size=1:start=0,setpts=N/${timeline.fps}/TB[s${index}]`,
  );
  const slideLabels = timeline.slides.map((_, index) => `[s${index}]`).join('');
  const audioIndex = timeline.slides.length;
  return [
    ...slideChains,
    `${slideLabels}concat=n=${timeline.slides.length}:v=1:a=0[slides]`,
    `color=c=${input.accentColour}:s=${profile.width}x${input.progressBarHeight}:r=${timeline.fps},format=yuv420p[bar]`,
    `[slides][bar]overlay=x='W*(t+1/${timeline.fps})/${timeline.durationSeconds}-w':y=H-h:shortest=1,setsar=1[video]`,
    `[${audioIndex}:a]aresample=${AUDIO.sampleRate},pan=stereo|c0=c0|c1=c0[audio]`,
  ].join(';');
}

/** ffmpeg arguments for the H.264/AAC mezzanine MP4: CFR, square pixels, 2-second keyframe grid. */
export function buildLessonEncodeArgs(input: LessonEncodeInput): string[] {
  const { timeline, profile } = input;
  return [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-y'],
    ...input.slidePngs.flatMap((png) => ['-i', png]),
    ...['-i', input.narrationWav],
    ...['-filter_complex', buildLessonFilterGraph(input), '-map', '[video]', '-map', '[audio]'],
    ...['-c:v', 'libx264', '-preset', profile.preset, '-crf', String(profile.crf), '-profile:v', 'high'],
    ...['-pix_fmt', 'yuv420p', '-r', String(timeline.fps), '-fps_mode', 'cfr'],
    ...['-force_key_frames', `expr:gte(t,n_forced*${KEYFRAME_INTERVAL_SECONDS})`],
    ...['-colorspace', 'bt709', '-color_primaries', 'bt709', '-color_trc', 'bt709', '-color_range', 'tv'],
    ...['-c:a', 'aac', '-b:a', AUDIO.bitrate, '-ar', String(AUDIO.sampleRate), '-ac', String(AUDIO.channels)],
    ...['-frames:v', String(timeline.totalFrames), '-t', String(timeline.durationSeconds)],
    ...['-map_metadata', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact'],
    ...['-movflags', '+faststart', '-f', 'mp4', input.outputMp4],
  ];
}
