import { NotFoundError, InvalidRequestError, UpstreamFailedError } from '../../errors.ts';
import type { HouseholdStore } from '../../stores/household.store.ts';
import type { CatalogueViews } from '../catalogue-view.ts';
import type { FamilyAuth } from '../family/family-auth.ts';

/** AES-128 keys are 16 bytes; anything much larger is not a key. */
const MAX_KEY_BYTES = 1024;
const KEY_TIMEOUT_MS = 5_000;

export type KeyFetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * The key endpoint of licensed external HLS sources (docs/security.md): a box asks with its own household
 * credential for a key URI of a lesson its region shows; the API fetches that key from the licensee's key
 * service with the licensee's token, which never leaves the API. Only URIs under the licensed source's
 * `keyServiceUrl` are fetched, so the endpoint cannot be pointed anywhere else.
 */
export class PlaybackKeyService {
  constructor(
    private readonly views: CatalogueViews,
    private readonly households: Pick<HouseholdStore, 'get'>,
    private readonly fetchKey: KeyFetch = fetch,
  ) {}

  async key(family: FamilyAuth, lessonId: string, uri: string): Promise<Uint8Array> {
    const household = await this.households.get(family.householdId);
    const view = await this.views.current(household?.region);
    const source = view.sources.get(lessonId);
    if (!view.lessons.get(lessonId) || source?.type !== 'external-hls' || !source.keyServiceUrl) {
      throw new NotFoundError('licensed key service of lesson', lessonId);
    }
    if (!isUnder(uri, source.keyServiceUrl)) {
      throw new InvalidRequestError('the key URI is not under the licensed key service', [
        { path: 'uri', message: `must start with ${source.keyServiceUrl}` },
      ]);
    }
    const headers: Record<string, string> = source.keyToken
      ? { authorization: `Bearer ${source.keyToken}` }
      : {};
    const response = await this.fetchKey(uri, {
      headers,
      redirect: 'error',
      signal: AbortSignal.timeout(KEY_TIMEOUT_MS),
    }).catch(() => {
      throw new UpstreamFailedError('the licensed key service cannot be reached');
    });
    if (!response.ok) {
      throw new UpstreamFailedError(`the licensed key service answered ${response.status}`);
    }
    const key = new Uint8Array(
      await response.arrayBuffer().catch(() => {
        throw new UpstreamFailedError('the licensed key service broke off its answer');
      }),
    );
    if (key.byteLength === 0 || key.byteLength > MAX_KEY_BYTES) {
      throw new UpstreamFailedError(`the licensed key service sent ${key.byteLength} bytes, not a key`);
    }
    return key;
  }
}

/** Same origin, and the path starts with the key service's path (no `..` tricks: URLs are normalised). */
function isUnder(uri: string, base: string): boolean {
  const target = URL.parse(uri);
  // A source stored before key services had to be absolute URLs has no origin to be under.
  const root = URL.parse(base);
  return !!target && !!root && target.origin === root.origin && target.pathname.startsWith(root.pathname);
}
