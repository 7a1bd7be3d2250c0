import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError, InvalidRequestError } from '../errors.ts';
import { ImageSourceSchema, type ImageSource } from './image-source.ts';

export const IMAGE_PATH_PREFIX = '/v1/images/';
const SIGNATURE_LENGTH = 22; // 132 bits of HMAC-SHA256, base64url
const TOKEN = /^([A-Za-z0-9_-]{1,2048})\.([A-Za-z0-9_-]{22})$/;

/**
 * Turns an image source into the API's own URL and back. The source travels in the path, signed with the
 * store's image key: the endpoint makes only pictures the API itself linked (no arbitrary URL or cover text),
 * and the URL changes whenever what the picture shows changes, so it can be cached as immutable.
 */
export class ImageLinks {
  constructor(private readonly key: string) {}

  urlFor(source: ImageSource): string {
    const payload = Buffer.from(JSON.stringify(source)).toString('base64url');
    return `${IMAGE_PATH_PREFIX}${payload}.${this.sign(payload)}`;
  }

  /** The source a token names; 404 when forged, a 400 naming the problem when malformed or unreadable. */
  sourceOf(token: string): ImageSource {
    const match = TOKEN.exec(token);
    if (!match) throw invalidToken('is not an image token (<payload>.<signature>)');
    const [, payload, signature] = match as unknown as [string, string, string];
    const expected = Buffer.from(this.sign(payload));
    if (!timingSafeEqual(expected, Buffer.from(signature))) {
      // A well-formed key the API never signed names no picture.
      throw new AppError(404, 'not_found', 'no picture under this key; use a URL the API linked', [
        { path: 'key', message: 'has a wrong signature' },
      ]);
    }
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw invalidToken('does not decode');
    }
    const parsed = ImageSourceSchema.safeParse(decoded);
    if (!parsed.success) throw invalidToken('names no known image source');
    return parsed.data;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url').slice(0, SIGNATURE_LENGTH);
  }
}

function invalidToken(problem: string) {
  return new InvalidRequestError(
    `the image token ${problem}`,
    [{ path: 'key', message: problem }],
    'invalid_image_key',
  );
}
