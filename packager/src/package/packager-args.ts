import type { CodecFamily } from '@ketang/catalog';
import { labelForLanguage } from '../config/languages.ts';
import type { FamilyPlan, JobPlan, PlannedRendition } from '../plan/job-plan.ts';
import {
  AUDIO_DIR,
  dashTextDir,
  hlsTextDir,
  MANIFEST_MPD,
  MASTER_M3U8,
  trickPlayDir,
  videoDir,
} from './layout.ts';

/** Absolute paths of the encoded inputs (the packager runs in the staging directory, outputs are relative). */
export interface PackagerInputs {
  renditionPath: (rendition: PlannedRendition) => string;
  audioPath: string;
  captionPath: (language: string) => string;
}

/** Shaka's trick-play factor 1 keeps every keyframe (one per 2 s): enough for fast seeking on lesson video. */
const TRICK_PLAY_FACTOR = 1;

/**
 * Pure: one Shaka Packager run producing CMAF segments behind both a DASH MPD and an HLS master playlist,
 * for the families that are ready so far.
 */
export function buildPackagerArgs(
  plan: JobPlan,
  families: readonly CodecFamily[],
  inputs: PackagerInputs,
): string[] {
  const ready = plan.families.filter((family) => families.includes(family.family));
  const streams = [
    ...ready.flatMap((family) => videoStreams(family, inputs)),
    audioStream(plan, inputs),
    ...plan.captions.flatMap((caption) =>
      textStreams(caption.language, (caption.label ?? labelForLanguage(caption.language)).zh, inputs),
    ),
  ];
  return [
    ...streams,
    '--segment_duration',
    String(plan.segmentSeconds),
    '--fragment_duration',
    String(plan.fragmentSeconds),
    '--generate_static_live_mpd',
    '--segment_template_constant_duration',
    '--mpd_output',
    MANIFEST_MPD,
    '--hls_master_playlist_output',
    MASTER_M3U8,
    '--hls_playlist_type',
    'VOD',
    '--default_language',
    primaryLanguage(plan.audio.language),
    ...encryptionArgs(plan),
  ];
}

function videoStreams(family: FamilyPlan, inputs: PackagerInputs): string[] {
  const streams = family.renditions.map((rendition) => {
    const dir = videoDir(rendition.id);
    return descriptor({
      in: inputs.renditionPath(rendition),
      stream: 'video',
      init_segment: `${dir}/init.mp4`,
      segment_template: `${dir}/$Number$.m4s`,
      playlist_name: `${dir}/playlist.m3u8`,
      iframe_playlist_name: `${dir}/iframe.m3u8`,
    });
  });
  // DASH trick play from the smallest rung: cheap to fetch while scrubbing.
  const smallest = family.renditions[0];
  if (smallest) {
    const dir = trickPlayDir(family.family);
    streams.push(
      descriptor({
        in: inputs.renditionPath(smallest),
        stream: 'video',
        trick_play_factor: String(TRICK_PLAY_FACTOR),
        init_segment: `${dir}/init.mp4`,
        segment_template: `${dir}/$Number$.m4s`,
        dash_only: '1',
      }),
    );
  }
  return streams;
}

function audioStream(plan: JobPlan, inputs: PackagerInputs): string {
  return descriptor({
    in: inputs.audioPath,
    stream: 'audio',
    init_segment: `${AUDIO_DIR}/init.mp4`,
    segment_template: `${AUDIO_DIR}/$Number$.m4s`,
    playlist_name: `${AUDIO_DIR}/playlist.m3u8`,
    hls_group_id: 'audio',
    hls_name: primaryLanguage(plan.audio.language),
    language: primaryLanguage(plan.audio.language),
  });
}

/** WebVTT in fMP4 for DASH, segmented WebVTT for HLS, from the same source file. */
function textStreams(language: string, label: string, inputs: PackagerInputs): string[] {
  const lang = primaryLanguage(language);
  return [
    descriptor({
      in: inputs.captionPath(language),
      stream: 'text',
      init_segment: `${dashTextDir(language)}/init.mp4`,
      segment_template: `${dashTextDir(language)}/$Number$.m4s`,
      language: lang,
      dash_only: '1',
    }),
    descriptor({
      in: inputs.captionPath(language),
      stream: 'text',
      segment_template: `${hlsTextDir(language)}/$Number$.vtt`,
      playlist_name: `${hlsTextDir(language)}/playlist.m3u8`,
      hls_group_id: 'subs',
      hls_name: label.replace(/[,=]/g, ' '),
      language: lang,
      hls_only: '1',
    }),
  ];
}

function encryptionArgs(plan: JobPlan): string[] {
  if (!plan.encryption) return [];
  const { keyId, key } = plan.encryption;
  return [
    '--enable_raw_key_encryption',
    '--keys',
    `label=:key_id=${keyId.toLowerCase()}:key=${key.toLowerCase()}`,
    // cenc (AES-CTR) rather than cbcs: older TVs only know cenc.
    '--protection_scheme',
    'cenc',
    '--protection_systems',
    'Common',
    '--clear_lead',
    '0',
  ];
}

/** Shaka wants ISO 639 codes; the region stays in our file names and asset.json. */
export function primaryLanguage(bcp47: string): string {
  return bcp47.split('-')[0] ?? bcp47;
}

function descriptor(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([name, value]) => `${name}=${value}`)
    .join(',');
}
