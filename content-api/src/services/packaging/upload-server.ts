import { Readable } from 'node:stream';
import path from 'node:path';
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express';
import { FileStore } from '@tus/file-store';
import { Server, type Upload } from '@tus/server';
import { probeSource, PackagerError } from '@ketang/packager';
import { AppError } from '../../errors.ts';

/** Where the tus routes are mounted; the upload URLs (`Location`) are relative to the API's origin. */
export const UPLOADS_PATH = '/v1/operator/uploads';

/** The error codes of tus's answers, by status, in the API's error body. */
const TUS_ERROR_CODES: Record<number, string> = {
  400: 'invalid_request',
  403: 'invalid_request',
  404: 'not_found',
  409: 'offset_conflict',
  410: 'gone',
  412: 'tus_version_required',
  413: 'too_large',
  415: 'unsupported_media_type',
  422: 'not_video',
  460: 'checksum_mismatch',
  500: 'upload_failed',
  501: 'not_supported',
};

export type UploadInfo = { id: string; fileName: string; size: number; offset: number; file: string };
export type UploadOptions = {
  maxBytes: number;
  /** An upload is gone this long after it was created (tus's `Upload-Expires`; a later PATCH is 410). */
  expiryMs: number;
  ffprobe?: string;
};

/**
 * Resumable uploads of mezzanine files on tus (@tus/server, @tus/file-store): an upload is created with its
 * length (over the limit: 413), sent in PATCHes that a broken connection can resume from the offset HEAD
 * reports, and checked with ffprobe once complete. A file that is not a readable video is refused (422, the
 * problem named) and removed, so that only video reaches a packaging job. Each upload expires `expiryMs` after
 * it was created; upload-retention.ts removes expired ones and the packaging job the one it has packaged.
 */
export class UploadServer {
  private readonly files: FileStore;
  private readonly tus: Server;
  private readonly ffprobe: string;

  constructor(
    readonly directory: string,
    options: UploadOptions,
  ) {
    this.ffprobe = options.ffprobe ?? process.env.FFPROBE ?? 'ffprobe';
    this.files = new FileStore({ directory, expirationPeriodInMilliseconds: options.expiryMs });
    this.tus = new Server({
      path: UPLOADS_PATH,
      datastore: this.files,
      maxSize: options.maxBytes,
      relativeLocation: true,
      // Same origin only: the console is served by the API (no CORS headers from tus).
      allowedOrigins: () => false,
      onUploadFinish: async (_req, upload) => {
        await this.checkVideo(upload);
        return {};
      },
    });
  }

  /** Hands an express request to tus and answers as tus does; its refusals become the API's error body. */
  async handle(req: ExpressRequest, res: ExpressResponse): Promise<void> {
    const url = new URL(req.originalUrl, 'http://api.invalid');
    const hasBody = req.method === 'POST' || req.method === 'PATCH';
    const request = new Request(url, {
      method: req.method,
      headers: headersOf(req),
      ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}),
    } as RequestInit);
    const answer = await this.tus.handleWeb(request);
    if (answer.status >= 400) {
      const text = (await answer.text()).trim() || `the upload was refused (${answer.status})`;
      const tusHeaders = pick(answer.headers, ['tus-resumable', 'tus-version', 'tus-max-size']);
      throw new AppError(
        answer.status,
        TUS_ERROR_CODES[answer.status] ?? 'upload_failed',
        text,
        [],
        tusHeaders,
      );
    }
    res.status(answer.status);
    answer.headers.forEach((value, name) => {
      if (!/^access-control-|^content-length$/i.test(name)) res.setHeader(name, value);
    });
    const body = req.method === 'HEAD' ? '' : await answer.text();
    res.end(body);
  }

  /** A complete upload, or why it cannot be packaged (unknown, or not all bytes received yet). */
  async complete(id: string): Promise<UploadInfo | { problem: 'unknown' | 'incomplete' }> {
    let upload: Upload;
    try {
      upload = await this.files.getUpload(id);
    } catch {
      return { problem: 'unknown' };
    }
    if (upload.size === undefined || upload.offset !== upload.size) return { problem: 'incomplete' };
    return {
      id,
      fileName: upload.metadata?.filename ?? id,
      size: upload.size,
      offset: upload.offset,
      file: path.join(this.directory, id),
    };
  }

  /** The ids of uploads created before `cutoff` (complete or not), at most `limit` of them, oldest first. */
  async createdBefore(cutoff: Date, limit: number): Promise<string[]> {
    const ids = await this.files.configstore.list!().catch(() => [] as string[]);
    const old: { id: string; createdAt: number }[] = [];
    for (const id of ids) {
      const createdAt = Date.parse((await this.files.configstore.get(id))?.creation_date ?? '');
      if (Number.isFinite(createdAt) && createdAt < cutoff.getTime()) old.push({ id, createdAt });
    }
    return old
      .sort((a, b) => a.createdAt - b.createdAt)
      .slice(0, limit)
      .map((upload) => upload.id);
  }

  /** Deletes an upload's file and its info; an upload already gone is no error. */
  async remove(id: string): Promise<void> {
    await this.files.remove(id).catch(() => undefined);
    // The file may be gone while its info is not (a removal cut short): the info goes too.
    await this.files.configstore.delete(id).catch(() => undefined);
  }

  private async checkVideo(upload: Upload): Promise<void> {
    const fileName = upload.metadata?.filename ?? upload.id;
    const file = path.join(this.directory, upload.id);
    try {
      await probeSource(this.ffprobe, file);
    } catch (error) {
      await this.remove(upload.id);
      const why = error instanceof PackagerError ? error.englishMessage : String(error);
      // The packager names the file by its path on the server; the operator knows it by its name.
      throw { status_code: 422, body: `not a video the packager can use: ${why.split(file).join(fileName)}` };
    }
  }
}

function headersOf(req: ExpressRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

function pick(headers: Headers, names: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = headers.get(name);
    if (value !== null) picked[name] = value;
  }
  return picked;
}
