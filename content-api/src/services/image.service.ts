import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError, NotFoundError, UpstreamFailedError } from '../errors.ts';
import { BlockedImageSourceError } from '../images/host-guard.ts';
import {
  DEFAULT_FETCH_OPTIONS,
  fetchAllowedImage,
  UpstreamImageError,
  type FetchImageOptions,
} from '../images/fetch-image.ts';
import { ImageCache } from '../images/image-cache.ts';
import type { ImageSource } from '../images/image-source.ts';
import { CONTENT_TYPE, type ImageFormat, type ImageSize } from '@ketang/contract';
import { renderCover, resizePicture } from '../images/render-image.ts';
import type { CatalogueView } from './catalogue-view.ts';

/** Bumped when covers or resizing change, so pictures made the old way are neither served nor cached. */
const RENDER_VERSION = 1;

export type Picture = { body: Buffer; contentType: string; etag: string };
export type ImageServiceOptions = {
  cacheDir: string;
  mediaDir: string;
  fetch?: Partial<Omit<FetchImageOptions, 'allowedHosts'>>;
};

/**
 * Makes the pictures the API links to (see the mappers): a packaged poster, an upstream picture from an
 * allowed host, or a generated cover, at one of the allowed sizes, cached on disk by what they show.
 */
export class ImageService {
  private readonly cache: ImageCache;

  constructor(
    private readonly currentView: () => Promise<CatalogueView>,
    private readonly options: ImageServiceOptions,
  ) {
    this.cache = new ImageCache(options.cacheDir);
  }

  async picture(token: string, size: ImageSize, format: ImageFormat): Promise<Picture> {
    const view = await this.currentView();
    const source = view.images.sourceOf(token);
    const key = createHash('sha256')
      .update(`${RENDER_VERSION}|${JSON.stringify(source)}|${size.width}x${size.height}|${format}`)
      .digest('hex');
    const body = await this.cache.getOrMake(key, format, () => this.make(source, size, format, view));
    return { body, contentType: CONTENT_TYPE[format], etag: `"${key.slice(0, 32)}"` };
  }

  private async make(source: ImageSource, size: ImageSize, format: ImageFormat, view: CatalogueView) {
    if (source.kind === 'cover') return renderCover(source, size, format);
    const input =
      source.kind === 'poster'
        ? await this.readPoster(source.path)
        : await this.fetchRemote(source.url, view);
    return resizePicture(input, size, format).catch((error: Error) => {
      throw new AppError(415, 'image_undecodable', `the picture could not be decoded: ${error.message}`);
    });
  }

  private async readPoster(mediaPath: string): Promise<Buffer> {
    const root = path.resolve(this.options.mediaDir);
    const file = path.resolve(root, decodeURIComponent(mediaPath.replace(/^\/media\//, '')));
    if (!file.startsWith(root + path.sep)) throw new NotFoundError('poster', mediaPath);
    return readFile(file).catch(() => {
      throw new NotFoundError('poster', mediaPath);
    });
  }

  private async fetchRemote(url: string, view: CatalogueView): Promise<Buffer> {
    try {
      const fetched = await fetchAllowedImage(url, {
        ...DEFAULT_FETCH_OPTIONS,
        ...this.options.fetch,
        allowedHosts: view.imageHosts,
      });
      return fetched.body;
    } catch (error) {
      throw toAppError(error);
    }
  }
}

/** Every way an upstream picture fails, as the status and code a client can act on. */
function toAppError(error: unknown): unknown {
  if (error instanceof BlockedImageSourceError)
    return new UpstreamFailedError(error.message, `image_${error.reason.replaceAll('-', '_')}`);
  if (!(error instanceof UpstreamImageError)) return error;
  if (error.reason === 'too-large') return new AppError(413, 'image_too_large', error.message);
  if (error.reason === 'content-type') return new AppError(415, 'image_type_unsupported', error.message);
  return new UpstreamFailedError(error.message, `image_upstream_${error.reason.replaceAll('-', '_')}`);
}
