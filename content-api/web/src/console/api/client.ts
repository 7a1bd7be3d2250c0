// The console's API client: openapi-fetch typed by the generated `paths` (from /v1/openapi.json), with the
// session's bearer token added and a 401 ending the session (the sign-in page then says it expired).
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../../shared/api/openapi.gen.ts';
import { ApiError, errorFrom, requestJson, type RequestOptions } from '../../shared/api/http.ts';
import { endSession, session } from '../session.ts';

const authMiddleware: Middleware = {
  onRequest({ request }) {
    const token = session()?.token;
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  async onResponse({ response, request }) {
    if (response.status === 401 && request.headers.has('Authorization')) endSession('expired');
    if (!response.ok) throw await errorFrom(response.clone());
    return response;
  },
};

/** Typed calls: `api.GET('/v1/operator/audit', { params: { query } })`; non-2xx answers throw ApiError. */
export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? '' });
api.use(authMiddleware);

/** The data of a typed call (non-2xx already threw in the middleware). */
export async function dataOf<T>(call: Promise<{ data?: T }>): Promise<T> {
  const { data } = await call;
  return data as T;
}

/**
 * For operator routes that other branches add (drafts, releases, timetable import) until their operations are
 * in the generated contract: the same token and the same 401 handling.
 */
export async function callApi<T>(path: string, options: Omit<RequestOptions, 'token'> = {}): Promise<T> {
  try {
    return await requestJson<T>(path, { ...options, token: session()?.token });
  } catch (error) {
    if (error instanceof ApiError && error.isUnauthorized) endSession('expired');
    throw error;
  }
}

/** A raw upload (a CSV or Excel timetable) with the session's token. */
export async function uploadFile<T>(path: string, file: Blob, contentType: string): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    headers: {
      Accept: 'application/json',
      'Content-Type': contentType,
      Authorization: `Bearer ${session()?.token ?? ''}`,
    },
    body: file,
  }).catch((error: unknown) => {
    throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
  });
  if (response.status === 401) endSession('expired');
  if (!response.ok) throw await errorFrom(response);
  return (await response.json()) as T;
}

/** A GET for pages that take a plain JSON reader (the dashboards). */
export function getJson<T>(path: string): Promise<T> {
  return callApi<T>(path);
}

/** A file the API answers (a template), with the session's token. */
export async function downloadBlob(path: string): Promise<Blob> {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${session()?.token ?? ''}` } });
  if (response.status === 401) endSession('expired');
  if (!response.ok) throw await errorFrom(response);
  return response.blob();
}
