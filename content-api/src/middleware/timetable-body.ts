import type { NextFunction, Request, Response } from 'express';
import getRawBody from 'raw-body';
import { AppError } from '../errors.ts';
import { withFacts } from '../openapi/route-facts.ts';
import { MEBIBYTE } from '../services/timetable-import/timetable-limits.ts';

/** A file upload taken as the raw body, by its media type: `res.locals.upload = { bytes, format }`. */
export function rawFileBody<F extends string>(mediaTypes: Record<F, string>, maxBytes: number) {
  const limitText = `${maxBytes / MEBIBYTE} MB`;
  const tooLarge = () =>
    new AppError(413, 'payload_too_large', `the file is larger than the ${limitText} limit`, [
      { path: 'body', message: `at most ${limitText} (${maxBytes} bytes)` },
    ]);
  const accepted = Object.values<string>(mediaTypes).join(' or ');
  const handler = async (req: Request, res: Response, next: NextFunction) => {
    const format = (Object.keys(mediaTypes) as F[]).find((key) => req.is(mediaTypes[key]));
    if (!format) {
      throw new AppError(415, 'unsupported_media_type', `send the file with Content-Type ${accepted}`, [
        { path: 'Content-Type', message: `found ${req.get('content-type') ?? 'none'}` },
      ]);
    }
    // Refused by its declared length before a byte is read; one sent without a length stops at the limit.
    // The answer goes out at once: the rest of the upload is discarded by the server, never buffered.
    const declared = Number(req.get('content-length') ?? Number.NaN);
    if (declared > maxBytes) throw tooLarge();
    try {
      const bytes = await getRawBody(req, {
        limit: maxBytes,
        length: Number.isNaN(declared) ? null : declared,
      });
      res.locals.upload = { bytes, format };
    } catch (error) {
      if ((error as { type?: string }).type === 'entity.too.large') throw tooLarge();
      throw error;
    }
    next();
  };
  return withFacts(handler, {
    rawBody: { mediaTypes: Object.values(mediaTypes), maxBytes },
    responses: {
      '413': `The file is larger than ${limitText}`,
      '415': `The Content-Type is not ${accepted}`,
    },
  });
}
