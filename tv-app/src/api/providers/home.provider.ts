import { getJson } from '../client.ts';
import type { HomeDocument } from '../types.ts';
import { cached } from './cache.ts';

const HOME_TTL_MS = 30_000;

export function fetchHome(deviceId: string): Promise<HomeDocument> {
  return cached(
    `home:${deviceId}`,
    () => getJson<HomeDocument>('/v1/home', { device: deviceId }),
    HOME_TTL_MS,
  );
}
