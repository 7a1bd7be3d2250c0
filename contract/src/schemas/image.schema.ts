import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { DEFAULT_IMAGE_SIZE, describeSizes, IMAGE_FORMATS, isAllowedSize } from './image-sizes.ts';

/** `<payload>.<signature>`, as the API links pictures (content-api/src/images/image-links.ts). */
export const ImageParamsSchema = z.strictObject({
  key: z
    .string()
    .regex(
      /^[A-Za-z0-9_-]{1,2048}\.[A-Za-z0-9_-]{22}$/,
      'an image key is <payload>.<signature>, as the API links it',
    ),
});

export const ImageQuerySchema = z
  .strictObject({
    w: z.coerce
      .number()
      .int()
      .default(DEFAULT_IMAGE_SIZE.width)
      .meta({ description: `Width; w×h must be one of ${describeSizes()}` }),
    h: z.coerce
      .number()
      .int()
      .default(DEFAULT_IMAGE_SIZE.height)
      .meta({ description: `Height; w×h must be one of ${describeSizes()}` }),
    format: z.enum(IMAGE_FORMATS).default('webp'),
  })
  .refine((query) => isAllowedSize({ width: query.w, height: query.h }), {
    message: `the size must be one of ${describeSizes()}`,
    path: ['w'],
  });

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** A host name or an IP literal (allowing an address itself), without scheme, port or path. */
export const ImageHostSchema = z
  .string()
  .transform((host) => host.trim().toLowerCase())
  .refine((host) => HOSTNAME.test(host) || ipaddr.isValid(host), {
    message: 'a host name such as img.example.cn or an IP address, without scheme, port or path',
  });

export const ImageHostsBodySchema = z.strictObject({ hosts: z.array(ImageHostSchema).max(200) });
export const ImageHostsSchema = z.object({ hosts: z.array(z.string()) }).meta({ id: 'ImageHosts' });
