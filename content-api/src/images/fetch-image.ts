import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import {
  checkAddressAllowed,
  checkRedirect,
  checkUrlAllowed,
  BlockedImageSourceError,
} from './host-guard.ts';

export type FetchImageOptions = {
  allowedHosts: ReadonlySet<string>;
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
};

export const DEFAULT_FETCH_OPTIONS: Omit<FetchImageOptions, 'allowedHosts'> = {
  maxBytes: 8 * 1024 * 1024,
  timeoutMs: 8_000,
  maxRedirects: 3,
};

/** Raster types sharp decodes safely; SVG is refused (it could pull in other files or hosts). */
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif']);

export class UpstreamImageError extends Error {
  constructor(
    readonly reason:
      'unreachable' | 'status' | 'timeout' | 'content-type' | 'too-large' | 'too-many-redirects',
    message: string,
  ) {
    super(message);
  }
}

/** A DNS lookup that refuses non-public answers: the check sits where the socket connects (no rebinding gap). */
function guardedLookup(allowedHosts: ReadonlySet<string>): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as unknown as LookupAddress[];
      try {
        for (const { address } of list) checkAddressAllowed(hostname, address, allowedHosts);
      } catch (blocked) {
        return callback(blocked as NodeJS.ErrnoException, '', 0);
      }
      if (options.all) return (callback as (e: null, a: LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

function request(url: URL, options: FetchImageOptions, signal: AbortSignal): Promise<IncomingMessage> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(url, {
      lookup: guardedLookup(options.allowedHosts),
      signal,
      headers: { accept: [...IMAGE_TYPES].join(', '), 'user-agent': 'Ketang-image-fetch/1' },
    });
    req.on('response', resolve);
    req.on('error', reject);
  });
}

async function readLimited(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw new UpstreamImageError(
      'too-large',
      `the picture is ${declared} bytes; at most ${maxBytes} are read`,
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      response.destroy();
      throw new UpstreamImageError('too-large', `the picture is over ${maxBytes} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Fetches one picture from an operator-allowed host: every hop checked (host, resolved address, redirect
 * target), only raster image types, a byte limit while reading and one deadline for the whole exchange.
 */
export async function fetchAllowedImage(
  rawUrl: string,
  options: FetchImageOptions,
): Promise<{ body: Buffer; contentType: string }> {
  let url = checkUrlAllowed(rawUrl, options.allowedHosts);
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    for (let hop = 0; hop <= options.maxRedirects; hop++) {
      const response = await request(url, options, signal);
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location) {
        response.resume();
        url = checkRedirect(url, response.headers.location, options.allowedHosts);
        continue;
      }
      if (status !== 200) {
        response.resume();
        throw new UpstreamImageError('status', `${url.host} answered ${status} for the picture`);
      }
      const contentType = (response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (!IMAGE_TYPES.has(contentType)) {
        response.destroy();
        throw new UpstreamImageError(
          'content-type',
          `${url.host} sent "${contentType || 'no content type'}", not a raster image`,
        );
      }
      return { body: await readLimited(response, options.maxBytes), contentType };
    }
  } catch (error) {
    if (error instanceof UpstreamImageError || error instanceof BlockedImageSourceError) throw error;
    if (signal.aborted)
      throw new UpstreamImageError(
        'timeout',
        `${url.host} did not send the picture within ${options.timeoutMs} ms`,
      );
    throw new UpstreamImageError(
      'unreachable',
      `${url.host} could not be reached: ${(error as Error).message}`,
    );
  }
  throw new UpstreamImageError('too-many-redirects', `more than ${options.maxRedirects} redirects`);
}
