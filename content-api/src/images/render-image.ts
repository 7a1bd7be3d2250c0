import sharp, { type Sharp } from 'sharp';
import { buildCoverSvg } from './cover-svg.ts';
import type { ImageSource } from './image-source.ts';
import type { ImageFormat, ImageSize } from '@ketang/contract';

/** Pictures larger than this are refused before decoding (a small file can claim huge dimensions). */
const MAX_INPUT_PIXELS = 40_000_000;

function encode(image: Sharp, format: ImageFormat): Promise<Buffer> {
  return (
    format === 'webp' ? image.webp({ quality: 80 }) : image.jpeg({ quality: 82, mozjpeg: true })
  ).toBuffer();
}

/** Any decodable raster picture, cropped to fill the size (tiles have no letterbox), EXIF orientation applied. */
export function resizePicture(input: Buffer, size: ImageSize, format: ImageFormat): Promise<Buffer> {
  const image = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
    .rotate()
    .resize(size.width, size.height, { fit: 'cover', position: 'centre' });
  return encode(image, format);
}

/** The generated cover, drawn by librsvg at exactly the requested size (text stays sharp). */
export function renderCover(
  source: Extract<ImageSource, { kind: 'cover' }>,
  size: ImageSize,
  format: ImageFormat,
): Promise<Buffer> {
  return encode(sharp(Buffer.from(buildCoverSvg(source, size))), format);
}
