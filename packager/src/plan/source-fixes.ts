import { InputError } from '../errors.ts';
import type { MessageKey, MessageParams } from '../i18n/messages.ts';
import type { ProbedSource } from '../probe/parse-probe.ts';

export interface Note {
  key: MessageKey;
  params: MessageParams;
}

export type AudioSource = { kind: 'track'; streamIndex: number; channels: number } | { kind: 'silent' };

/** What the encoder must do to the source so every box can play the result. */
export interface SourceFixes {
  /** ffmpeg video filters applied once, before the split into rungs. */
  videoFilters: string[];
  width: number;
  height: number;
  frameRate: number;
  audio: AudioSource;
  notes: Note[];
}

const STANDARD_FRAME_RATES = [24000 / 1001, 24, 25, 30000 / 1001, 30, 50, 60000 / 1001, 60];

/** Pure: decides the fixes for interlacing, VFR, odd sizes, non-square pixels, bit depth and audio. */
export function planSourceFixes(source: ProbedSource, audioTrack?: number): SourceFixes {
  const { video } = source;
  const notes: Note[] = [];
  const videoFilters: string[] = [];
  if (video.isInterlaced) {
    videoFilters.push('bwdif=mode=send_frame');
    notes.push({ key: 'fix.deinterlace', params: { fieldOrder: video.fieldOrder } });
  }
  const frameRate = nearestStandardFrameRate(video.frameRate);
  if (video.isVariableFrameRate) {
    videoFilters.push(`fps=${formatFrameRate(frameRate)}`);
    notes.push({
      key: 'fix.constantFrameRate',
      params: { average: video.frameRate.toFixed(3), target: formatFrameRate(frameRate) },
    });
  }
  const size = squareEvenSize(source, notes);
  if (size.width !== video.width || size.height !== video.height || !isSquare(video.sampleAspectRatio)) {
    videoFilters.push(`scale=${size.width}:${size.height}:flags=lanczos`, 'setsar=1');
  }
  if (video.pixelFormat !== 'yuv420p') {
    notes.push({ key: 'fix.highBitDepth', params: { pixFmt: video.pixelFormat } });
  }
  videoFilters.push('format=yuv420p');
  return { videoFilters, ...size, frameRate, audio: chooseAudio(source, audioTrack, notes), notes };
}

function squareEvenSize(source: ProbedSource, notes: Note[]): { width: number; height: number } {
  const { width, height, sampleAspectRatio } = source.video;
  const [sarNum, sarDen] = sampleAspectRatio;
  const displayWidth = isSquare(sampleAspectRatio) ? width : Math.round((width * sarNum) / sarDen);
  const even = { width: toEven(displayWidth), height: toEven(height) };
  if (!isSquare(sampleAspectRatio)) {
    notes.push({ key: 'fix.squarePixels', params: { sar: `${sarNum}:${sarDen}`, ...even } });
  } else if (width % 2 !== 0 || height % 2 !== 0) {
    notes.push({
      key: 'fix.evenSize',
      params: { width, height, evenWidth: even.width, evenHeight: even.height },
    });
  }
  return even;
}

function chooseAudio(source: ProbedSource, audioTrack: number | undefined, notes: Note[]): AudioSource {
  if (source.audio.length === 0) {
    notes.push({ key: 'fix.silentAudio', params: {} });
    return { kind: 'silent' };
  }
  const chosen = audioTrack ?? 0;
  const track = source.audio[chosen];
  if (!track) throw new InputError('config.audioTrack', { index: chosen, count: source.audio.length });
  if (source.audio.length > 1)
    notes.push({ key: 'fix.chooseAudio', params: { count: source.audio.length, chosen } });
  return { kind: 'track', streamIndex: track.index, channels: track.channels };
}

function isSquare([num, den]: [number, number]): boolean {
  return num === den;
}

export function toEven(value: number): number {
  return Math.max(2, 2 * Math.round(value / 2));
}

function nearestStandardFrameRate(rate: number): number {
  if (!(rate > 0)) return 25;
  return STANDARD_FRAME_RATES.reduce((best, candidate) =>
    Math.abs(candidate - rate) < Math.abs(best - rate) ? candidate : best,
  );
}

/** ffmpeg-friendly: 30000/1001 rather than 29.97002997. */
export function formatFrameRate(rate: number): string {
  const ntsc = Math.round(rate * 1.001);
  return Math.abs(rate - ntsc / 1.001) < 1e-6 && !Number.isInteger(rate)
    ? `${ntsc * 1000}/1001`
    : String(rate);
}
