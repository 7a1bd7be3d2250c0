/**
 * The only sizes the endpoint makes: what the TV draws at on its 1920×1080 layout (tile, hero, lesson page,
 * small thumbnail). A fixed set keeps the disk cache and a CDN's cache bounded and the box's textures small.
 */
export const IMAGE_SIZES = [
  { width: 400, height: 240 },
  { width: 640, height: 360 },
  { width: 960, height: 540 },
  { width: 320, height: 180 },
  // The same at 2/3 for a low-memory box that draws the layout at 1280×720 (tv-app device/memory-class.ts);
  // 960×540 at 2/3 is 640×360, above.
  { width: 267, height: 160 },
  { width: 427, height: 240 },
  { width: 213, height: 120 },
] as const;
export type ImageSize = { width: number; height: number };
export const DEFAULT_IMAGE_SIZE: ImageSize = IMAGE_SIZES[0];

export const IMAGE_FORMATS = ['webp', 'jpeg'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

export const CONTENT_TYPE: Record<ImageFormat, string> = { webp: 'image/webp', jpeg: 'image/jpeg' };

export const isAllowedSize = (size: ImageSize) =>
  IMAGE_SIZES.some((allowed) => allowed.width === size.width && allowed.height === size.height);

export const describeSizes = () => IMAGE_SIZES.map(({ width, height }) => `${width}x${height}`).join(', ');
