// A resumable upload of one file to the API's tus endpoint (tus-js-client), with the session's token. The
// client keeps each unfinished upload's URL in localStorage under the file's fingerprint (name, type, size,
// modification time), so choosing the same file again after a reload goes on from where it stopped.
import * as tus from 'tus-js-client';
import { session } from '../session.ts';

export const UPLOADS_ENDPOINT = '/v1/operator/uploads';
/** Bytes per PATCH: each one well inside the API's request timeouts on a slow link. */
const CHUNK_BYTES = 8 * 1024 * 1024;

export type UploadEvents = {
  onProgress(sent: number, total: number): void;
  onSuccess(uploadId: string): void;
  onError(status: number | undefined, message: string): void;
};

/** The API's error message in a tus refusal (`{"error":{message}}`), or the client's own. */
function refusalOf(error: Error): { status?: number; message: string } {
  const response = (error as tus.DetailedError).originalResponse;
  if (!response) return { message: error.message };
  try {
    return { status: response.getStatus(), message: JSON.parse(response.getBody()).error.message };
  } catch {
    return { status: response.getStatus(), message: response.getBody() || error.message };
  }
}

export function startUpload(file: File, events: UploadEvents): tus.Upload {
  const upload: tus.Upload = new tus.Upload(file, {
    endpoint: `${location.origin}${UPLOADS_ENDPOINT}`,
    chunkSize: CHUNK_BYTES,
    retryDelays: [0, 1000, 3000, 5000],
    removeFingerprintOnSuccess: true,
    metadata: { filename: file.name, filetype: file.type },
    // Read at each request: a session renewed meanwhile is used.
    onBeforeRequest: (request) => {
      request.setHeader('Authorization', `Bearer ${session()?.token ?? ''}`);
    },
    // A refusal (too large, not a video, no right) is final; only network trouble is retried.
    onShouldRetry: (error) => {
      const status = (error as tus.DetailedError).originalResponse?.getStatus() ?? 0;
      return status === 0 || status >= 500;
    },
    onProgress: (sent, total) => events.onProgress(sent, total),
    onSuccess: () => events.onSuccess(upload.url!.split('/').at(-1)!),
    onError: (error) => {
      const refusal = refusalOf(error);
      // A refused file is not resumed next time (the API removed it or never took it).
      if (refusal.status !== undefined && refusal.status < 500) void forget(upload);
      events.onError(refusal.status, refusal.message);
    },
  });
  void upload.findPreviousUploads().then((previous) => {
    if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
    upload.start();
  });
  return upload;
}

async function forget(upload: tus.Upload): Promise<void> {
  for (const previous of await upload.findPreviousUploads())
    await tus.defaultOptions.urlStorage.removeUpload(previous.urlStorageKey);
}

/** Unfinished uploads this browser remembers (their file names), to choose again after a reload. */
export async function unfinishedUploads(): Promise<string[]> {
  const uploads = await tus.defaultOptions.urlStorage.findAllUploads().catch(() => []);
  return [...new Set(uploads.map((upload) => upload.metadata.filename ?? '').filter(Boolean))];
}
