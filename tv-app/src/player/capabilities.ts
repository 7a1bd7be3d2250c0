// Which codec family and how tall a picture this device decodes. One family is pinned per device
// (many TVs cannot switch codecs mid-stream); the carrier's device profile overrides detection.
import { CODEC_FAMILIES_BEST_FIRST } from '@ketang/catalog/codec-family';
import type { CodecFamily, DeviceProfile } from '../config.ts';

/** Probe strings per family. */
export const PROBE_CODECS: Record<CodecFamily, string> = {
  av1: 'av01.0.08M.08',
  hevc: 'hvc1.1.6.L120.90',
  h264: 'avc1.640028',
};
/** Every family the catalogue knows, best first: the ranking the API's playback decision uses too. */
export const FAMILY_ORDER: readonly CodecFamily[] = CODEC_FAMILIES_BEST_FIRST;
export const PROBE_HEIGHTS = [4320, 2160, 1440, 1080, 720];
const WIDTH_FOR_HEIGHT = (height: number) => Math.round((height * 16) / 9);

export type DecodeProbe = (codec: string, height: number) => Promise<boolean>;
export type PlaybackCapability = { codecFamily: CodecFamily; maxHeight: number };

/** MediaCapabilities where present (it knows sizes), else MediaSource.isTypeSupported (codec only). */
export function browserDecodeProbe(): DecodeProbe {
  const capabilities = globalThis.navigator?.mediaCapabilities;
  return async (codec, height) => {
    const contentType = `video/mp4; codecs="${codec}"`;
    if (capabilities?.decodingInfo) {
      const info = await capabilities
        .decodingInfo({
          type: 'media-source',
          video: { contentType, width: WIDTH_FOR_HEIGHT(height), height, bitrate: 2_000_000, framerate: 30 },
        })
        .catch(() => null);
      if (info) return info.supported;
    }
    return globalThis.MediaSource?.isTypeSupported(contentType) ?? false;
  };
}

/**
 * The box's profile as the API takes it (`?codecs=`): every family it decodes at 1080p, best first. A carrier's
 * pinned family with H.264, which every box decodes (external HLS sources are H.264): the pin chooses among our
 * packaged families, it does not stop a licensed source from playing. The API decides what this box plays.
 */
export async function detectCodecFamilies(
  probe: DecodeProbe,
  profile: DeviceProfile,
): Promise<CodecFamily[]> {
  if (profile.codecFamily) return [...new Set<CodecFamily>([profile.codecFamily, 'h264'])];
  const found: CodecFamily[] = [];
  for (const family of FAMILY_ORDER) if (await probe(PROBE_CODECS[family], 1080)) found.push(family);
  return found;
}

export async function detectCapability(
  probe: DecodeProbe,
  profile: DeviceProfile,
  available: readonly CodecFamily[] = FAMILY_ORDER,
): Promise<PlaybackCapability | undefined> {
  let family = profile.codecFamily;
  if (!family) {
    for (const candidate of FAMILY_ORDER) {
      if (available.includes(candidate) && (await probe(PROBE_CODECS[candidate], 1080))) {
        family = candidate;
        break;
      }
    }
  }
  if (!family || !available.includes(family)) return undefined;
  let maxHeight = 1080;
  for (const height of PROBE_HEIGHTS) {
    if (await probe(PROBE_CODECS[family], height)) {
      maxHeight = height;
      break;
    }
  }
  return { codecFamily: family, maxHeight: Math.min(maxHeight, profile.maxHeight ?? Infinity) };
}
