// The API's picture URLs → the URL of one size, the size a component draws at.
import { getConfig } from '../../config.ts';
import { memorySettings } from '../../device/memory-class.ts';
import { mediaUrl } from '../media-url.ts';

export type ImageSize = { width: number; height: number };

/**
 * The API links every picture to its own image endpoint; the app asks for the size it draws (a box keeps a
 * texture per picture, so a 400×240 tile must not decode a 1920-pixel original). Other URLs pass unchanged.
 */
export function sizedImageUrl(url: string | undefined, size: ImageSize): string | undefined {
  if (!url) return undefined;
  if (!url.startsWith('/v1/images/')) return mediaUrl(url); // a packaged poster (`/media/…`) or another host's
  // A low-memory box draws the layout smaller (device/memory-class.ts): ask for what reaches the screen.
  const scale = memorySettings(getConfig().deviceProfile).imageScale;
  // Pictures come from the carrier's CDN when it names one (api/media-url.ts).
  return mediaUrl(`${url}?w=${Math.round(size.width * scale)}&h=${Math.round(size.height * scale)}`);
}
