// The one place that talks HTTP to the content API. Failures become typed errors the pages can explain.
import { getConfig } from '../config.ts';
import { boxRegion, forgetCredential, readCredential } from '../state/credential.ts';
import { FRAMED_PREVIEW, previewHeaders } from './preview.ts';

/** The API could not be reached at all (network down, server gone, timeout). */
export class ApiUnreachableError extends Error {
  constructor(
    readonly url: string,
    cause: unknown,
  ) {
    super(`cannot reach ${url}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'ApiUnreachableError';
  }
}

/** The API answered with its error body (`{ error: { code, message } }`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** From `Retry-After` (seconds), e.g. how long a locked PIN stays locked. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const TIMEOUT_MS = 8000;

export function apiUrl(path: string, query: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(name, String(value));
  const search = params.toString();
  return `${getConfig().apiBase}${path}${search ? `?${search}` : ''}`;
}

async function readError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string };
  } | null;
  const retryAfter = Number(response.headers.get('retry-after') ?? NaN);
  return new ApiError(
    response.status,
    body?.error?.code ?? 'http_error',
    body?.error?.message ?? response.statusText,
    Number.isFinite(retryAfter) ? retryAfter : undefined,
  );
}

export async function requestJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: controller.signal });
  } catch (error) {
    throw new ApiUnreachableError(url, error);
  } finally {
    clearTimeout(timer);
  }
  if (response.status >= 500 && response.status !== 501)
    throw new ApiUnreachableError(url, await readError(response));
  if (!response.ok) throw await readError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/**
 * A read of the API; the box's region (its activated household's, else the carrier's, when set) decides which
 * operators' curation the box sees.
 */
export function getJson<T>(path: string, query?: Record<string, string | number | undefined>): Promise<T> {
  // Previewing a draft: only then a header (it makes a cross-origin read a preflighted one).
  return requestJson<T>(apiUrl(path, { ...query, region: readRegion() }), {
    headers: previewHeaders(),
  });
}

/**
 * A read whose answer also depends on the box's carrier (channels, timetables, `/now`, home: releases are per
 * region and carrier, docs/device-api.md). Other reads leave `carrier` out, so CDN cache keys stay few.
 */
export function getCarrierJson<T>(
  path: string,
  query?: Record<string, string | number | undefined>,
): Promise<T> {
  return getJson<T>(path, { ...query, carrier: readCarrier() });
}

/** The region reads are for: the console's framed preview's, else the box's. */
function readRegion(): string | undefined {
  return FRAMED_PREVIEW?.region ?? boxRegion(getConfig().region);
}

/** The carrier reads are for: in the console's framed preview, the previewed scope's (none: every carrier). */
function readCarrier(): string | undefined {
  return FRAMED_PREVIEW ? FRAMED_PREVIEW.carrier : getConfig().carrier?.id;
}

export function sendJson<T>(method: 'POST' | 'PUT', path: string, body: unknown): Promise<T> {
  return requestJson<T>(apiUrl(path), {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/**
 * A key request of a licensed HLS source, redirected to the API's key endpoint (`keysUrl`, from the lesson's
 * playback) with the playlist's key URI and the household credential: what the player's request filter sends.
 */
export function playbackKeyRequest(
  keysUrl: string,
  keyUri: string,
): { uri: string; headers: Record<string, string> } {
  const credential = readCredential();
  const separator = keysUrl.includes('?') ? '&' : '?';
  return {
    uri: `${getConfig().apiBase}${keysUrl}${separator}uri=${encodeURIComponent(keyUri)}`,
    headers: credential ? { authorization: `Bearer ${credential.token}` } : {},
  };
}

export type FamilyRequest = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Extra headers, e.g. `X-Parental-Pin` on a guarded write. */
  headers?: Record<string, string>;
};

/**
 * A family read or write (docs/family.md): the household credential as a bearer token, the one place it is
 * sent. A 401 means the server no longer knows it: it is forgotten, so the next start asks for a new one.
 */
export async function familyJson<T>(path: string, request: FamilyRequest = {}): Promise<T> {
  const credential = readCredential();
  if (!credential) throw new ApiError(401, 'no_credential', 'this box has no household credential yet');
  const method = request.method ?? 'GET';
  const headers: Record<string, string> = {
    ...(method === 'GET' ? previewHeaders() : {}),
    ...request.headers,
    authorization: `Bearer ${credential.token}`,
  };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  try {
    // No ?region=: the household carries its region, and family routes take no other query.
    return await requestJson<T>(apiUrl(path, request.query), {
      method,
      headers,
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) forgetCredential();
    throw error;
  }
}
