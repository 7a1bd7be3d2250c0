// One Shaka player for the app's life: Shaka's preload() hands its work only to the player that
// made it, so the lesson page preloads on focus and the player page loads through the same one.
import shaka from 'shaka-player/dist/shaka-player.dash.js';
import type { PackagedPlayback } from '../api/types.ts';
import type { DeviceProfile } from '../config.ts';
import { browserDecodeProbe, detectCapability, type PlaybackCapability } from './capabilities.ts';
import { keepCodecFamily, type MpdNode } from './codec-family.ts';

let player: shaka.Player | undefined;
const preloads = new Map<string, Promise<shaka.media.PreloadManager | null>>();

export function sharedPlayer(): shaka.Player {
  if (!player) {
    shaka.polyfill.installAll();
    player = new shaka.Player();
  }
  return player;
}

/** Set-top-box MSE quotas can be ~30 MB: keep little behind, a modest goal ahead, less for 4K/8K. */
function bufferConfig(maxHeight: number, profile: DeviceProfile) {
  const isUltraHd = maxHeight > 1080;
  return {
    bufferingGoal: profile.bufferingGoalSeconds ?? (isUltraHd ? 12 : 30),
    bufferBehind: isUltraHd ? 4 : 10,
    rebufferingGoal: 1,
    retryParameters: { maxAttempts: 5, baseDelay: 500, backoffFactor: 2, timeout: 10_000 },
  };
}

/** Pins the codec family the API decided and the resolution cap this device decodes, before load or preload. */
export async function configureFor(
  playback: PackagedPlayback,
  profile: DeviceProfile,
): Promise<PlaybackCapability> {
  const family = playback.codecFamily;
  const capability = await detectCapability(browserDecodeProbe(), { ...profile, codecFamily: family }, [
    family,
  ]);
  if (!capability) throw new Error('no_decodable_codec');
  sharedPlayer().configure({
    // Pin by family in the manifest itself (falls back to every family when the pinned one is absent).
    manifest: {
      dash: {
        manifestPreprocessorTXml: (mpd: shaka.extern.xml.Node) =>
          keepCodecFamily(mpd as unknown as MpdNode, capability.codecFamily),
      },
    },
    restrictions: { maxHeight: capability.maxHeight },
    streaming: bufferConfig(capability.maxHeight, profile),
    abr: { enabled: true, defaultBandwidthEstimate: 20_000_000 },
  });
  return capability;
}

export function preloadManifest(playback: PackagedPlayback, profile: DeviceProfile): void {
  if (preloads.has(playback.dashUrl)) return;
  const work = configureFor(playback, profile)
    .then(() => sharedPlayer().preload(playback.dashUrl))
    .catch(() => null);
  preloads.set(playback.dashUrl, work);
}

export async function takePreloaded(url: string): Promise<shaka.media.PreloadManager | null> {
  const preloaded = (await preloads.get(url)) ?? null;
  preloads.delete(url);
  return preloaded;
}
