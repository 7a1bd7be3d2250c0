// Where media (manifests, segments, thumbnails, posters) and pictures come from: the carrier's CDN when its
// configuration names one (`endpoints.cdnBase`), else the API. The API answers paths (`/media/…`,
// `/v1/images/…`); the box puts the base in front here, once, and a manifest's own relative URLs then follow it.
import type { Playback } from '@ketang/contract';
import { getConfig } from '../config.ts';

/** The CDN base, else the API's ('' = this page's origin). */
export function mediaBase(): string {
  const { cdnBase, apiBase } = getConfig();
  return cdnBase ?? apiBase;
}

/** A path the API answered, on the media base; absolute URLs (a licensed source's host) pass unchanged. */
export function mediaUrl(url: string): string {
  return url.startsWith('/') && !url.startsWith('//') ? `${mediaBase()}${url}` : url;
}

/** The lesson's playback with its packaged media on the media base (external HLS stays on its own host). */
export function withMediaBase(playback: Playback): Playback {
  if (playback.type !== 'packaged') return playback;
  return {
    ...playback,
    dashUrl: mediaUrl(playback.dashUrl),
    hlsUrl: mediaUrl(playback.hlsUrl),
    ...(playback.thumbnailsUrl ? { thumbnailsUrl: mediaUrl(playback.thumbnailsUrl) } : {}),
    ...(playback.posterUrl ? { posterUrl: mediaUrl(playback.posterUrl) } : {}),
  };
}
