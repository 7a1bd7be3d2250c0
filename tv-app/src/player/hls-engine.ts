// Licensed external HLS sources (AES-128, keys through the API): Shaka's full build, which has the HLS
// parser, AES-128 decryption and MPEG-TS transmuxing the DASH build lacks. Imported only when the API's
// decision is HLS, so packaged lessons and the home screen never download it.
import shaka from 'shaka-player/dist/shaka-player.compiled.js';
import { playbackKeyRequest } from '../api/client.ts';
import type { ExternalPlayback } from '../api/types.ts';
import type { DeviceProfile } from '../config.ts';
import { browserDecodeProbe, detectCapability, type PlaybackCapability } from './capabilities.ts';

let player: shaka.Player | undefined;

export function hlsPlayer(): shaka.Player {
  if (!player) {
    shaka.polyfill.installAll();
    player = new shaka.Player();
  }
  return player;
}

/**
 * Before load: the resolution cap for the decided family, and where key requests go. With `keys`, every key
 * request (and only those) is sent to the API's key endpoint with the household credential; the licensee's
 * own token never reaches the box (docs/security.md).
 */
export async function configureForHls(
  playback: ExternalPlayback,
  profile: DeviceProfile,
): Promise<PlaybackCapability> {
  const family = playback.codecFamily;
  const probe = browserDecodeProbe();
  const capability = (await detectCapability(probe, { ...profile, codecFamily: family }, [family])) ?? {
    codecFamily: family,
    maxHeight: profile.maxHeight ?? 1080,
  };
  const instance = hlsPlayer();
  instance.configure({
    restrictions: { maxHeight: capability.maxHeight },
    streaming: { bufferingGoal: profile.bufferingGoalSeconds ?? 30, bufferBehind: 10, rebufferingGoal: 1 },
    abr: { enabled: true, defaultBandwidthEstimate: 20_000_000 },
  });
  const networking = instance.getNetworkingEngine()!;
  networking.clearAllRequestFilters();
  const keys = playback.keys;
  if (keys) {
    networking.registerRequestFilter((type, request) => {
      if (type !== shaka.net.NetworkingEngine.RequestType.KEY) return;
      const sent = request.uris.map((uri) => playbackKeyRequest(keys.url, uri));
      request.uris = sent.map((each) => each.uri);
      Object.assign(request.headers, sent[0]?.headers);
    });
  }
  return capability;
}
