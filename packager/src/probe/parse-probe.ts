import { InputError } from '../errors.ts';

export interface ProbedVideo {
  index: number;
  codec: string;
  width: number;
  height: number;
  /** Sample (pixel) aspect ratio as [num, den]; [1, 1] is square. */
  sampleAspectRatio: [number, number];
  /** Average frame rate in frames per second. */
  frameRate: number;
  isVariableFrameRate: boolean;
  isInterlaced: boolean;
  fieldOrder: string;
  pixelFormat: string;
}

export interface ProbedAudio {
  index: number;
  codec: string;
  channels: number;
  sampleRate: number;
  language?: string;
}

export interface ProbedSource {
  file: string;
  durationSeconds: number;
  video: ProbedVideo;
  audio: ProbedAudio[];
}

interface FfprobeStream {
  index: number;
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  sample_aspect_ratio?: string;
  r_frame_rate?: string;
  avg_frame_rate?: string;
  field_order?: string;
  pix_fmt?: string;
  channels?: number;
  sample_rate?: string;
  duration?: string;
  disposition?: { attached_pic?: number };
  tags?: { language?: string };
}

interface FfprobeOutput {
  streams?: FfprobeStream[];
  format?: { duration?: string };
}

const MIN_DURATION_SECONDS = 1;

/** Pure: ffprobe's JSON to the facts the planner needs. */
export function parseProbeOutput(json: FfprobeOutput, file: string): ProbedSource {
  const streams = json.streams ?? [];
  const videoStream = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  if (!videoStream?.width || !videoStream.height) throw new InputError('input.noVideo', { file });
  const durationSeconds = Number(json.format?.duration ?? videoStream.duration ?? 0);
  if (!(durationSeconds >= MIN_DURATION_SECONDS)) {
    throw new InputError('input.tooShort', {
      file,
      seconds: Number.isFinite(durationSeconds) ? durationSeconds : 0,
    });
  }
  return {
    file,
    durationSeconds,
    video: toProbedVideo(videoStream),
    audio: streams.filter((s) => s.codec_type === 'audio').map(toProbedAudio),
  };
}

function toProbedVideo(stream: FfprobeStream): ProbedVideo {
  const nominal = parseRational(stream.r_frame_rate);
  const average = parseRational(stream.avg_frame_rate) || nominal;
  const fieldOrder = stream.field_order ?? 'unknown';
  return {
    index: stream.index,
    codec: stream.codec_name ?? 'unknown',
    width: stream.width ?? 0,
    height: stream.height ?? 0,
    sampleAspectRatio: parseAspect(stream.sample_aspect_ratio),
    frameRate: average,
    // ffprobe reports the nominal rate separately; a clear gap between it and the average means VFR.
    isVariableFrameRate: nominal > 0 && average > 0 && Math.abs(nominal - average) / nominal > 0.01,
    isInterlaced: ['tt', 'bb', 'tb', 'bt'].includes(fieldOrder),
    fieldOrder,
    pixelFormat: stream.pix_fmt ?? 'unknown',
  };
}

function toProbedAudio(stream: FfprobeStream): ProbedAudio {
  return {
    index: stream.index,
    codec: stream.codec_name ?? 'unknown',
    channels: stream.channels ?? 2,
    sampleRate: Number(stream.sample_rate ?? 48000),
    ...(stream.tags?.language && stream.tags.language !== 'und' ? { language: stream.tags.language } : {}),
  };
}

function parseRational(text: string | undefined): number {
  const [num, den] = (text ?? '0/1').split('/').map(Number);
  return num && den ? num / den : 0;
}

function parseAspect(text: string | undefined): [number, number] {
  const [num, den] = (text ?? '1:1').split(':').map(Number);
  return num && den ? [num, den] : [1, 1];
}
