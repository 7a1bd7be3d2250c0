import { z } from 'zod';

/**
 * What a picture is made from, decided once by the mappers and carried inside the signed image URL:
 * a poster the packager wrote beside an asset's manifests, an upstream picture on an operator-allowed host, or
 * a cover generated from the lesson's own words.
 */
export const ImageSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('poster'),
    path: z.string().regex(/^\/media\/[^?#]+$/),
    /** The asset's packaging time: a re-packaged poster gets a new URL. */
    version: z.string().max(40).optional(),
  }),
  z.object({ kind: z.literal('remote'), url: z.url({ protocol: /^https?$/ }) }),
  z.object({
    kind: z.literal('cover'),
    title: z.string().min(1).max(200),
    subjectId: z.string().max(100).optional(),
    subject: z.string().max(40).optional(),
    grade: z.string().max(40).optional(),
  }),
]);
export type ImageSource = z.infer<typeof ImageSourceSchema>;
