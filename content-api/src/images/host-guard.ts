import ipaddr from 'ipaddr.js';

/** Why a URL or an address may not be fetched; the message names the problem for the 4xx/5xx answer. */
export class BlockedImageSourceError extends Error {
  constructor(
    readonly reason:
      'bad-url' | 'host-not-allowed' | 'ip-literal' | 'private-address' | 'redirect-to-other-host',
    message: string,
  ) {
    super(message);
  }
}

/** Lower-cased host without brackets: `Example.COM` → `example.com`, `[::1]` → `::1`. */
export const normaliseHost = (host: string) => host.toLowerCase().replace(/^\[|\]$/g, '');

/**
 * The checks of an upstream picture's URL, without throwing: the URL when it may be fetched, else what is
 * wrong with it, or the host that is not allowed. Lists ask this of every lesson they show, where an Error
 * (and its stack) for each was a quarter of a lesson page's time.
 */
function judgeUrl(
  rawUrl: string,
  allowedHosts: ReadonlySet<string>,
): { url: URL } | { badUrl: string } | { hostNotAllowed: string } {
  if (!URL.canParse(rawUrl)) return { badUrl: `"${rawUrl}" is not a URL` };
  const url = new URL(rawUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { badUrl: `only http(s) pictures are fetched, not ${url.protocol}` };
  if (url.username || url.password) return { badUrl: 'picture URLs may not carry credentials' };
  const host = normaliseHost(url.hostname);
  return allowedHosts.has(host) ? { url } : { hostNotAllowed: host };
}

/**
 * The first check of an upstream picture's URL, before any network: http(s), no credentials, and a host the
 * operator allowed. An IP literal passes only when that very literal is on the list.
 */
export function checkUrlAllowed(rawUrl: string, allowedHosts: ReadonlySet<string>): URL {
  const verdict = judgeUrl(rawUrl, allowedHosts);
  if ('url' in verdict) return verdict.url;
  if ('badUrl' in verdict) throw new BlockedImageSourceError('bad-url', verdict.badUrl);
  const host = verdict.hostNotAllowed;
  if (ipaddr.isValid(host))
    throw new BlockedImageSourceError('ip-literal', `the IP address ${host} is not an allowed image host`);
  throw new BlockedImageSourceError('host-not-allowed', `${host} is not an allowed image host`);
}

/** Whether checkUrlAllowed would pass a URL, without the cost of an error when it would not. */
export function isUrlAllowed(rawUrl: string, allowedHosts: ReadonlySet<string>): boolean {
  return 'url' in judgeUrl(rawUrl, allowedHosts);
}

/**
 * Whether an address a host name resolved to may be connected to: public unicast only, so an allowed name
 * pointed at the loopback, a private network or the cloud metadata address (DNS rebinding) is refused.
 * An operator who lists an IP literal has allowed that address itself.
 */
export function checkAddressAllowed(host: string, address: string, allowedHosts: ReadonlySet<string>): void {
  if (ipaddr.isValid(host) && allowedHosts.has(normaliseHost(host))) return;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  if (parsed.range() !== 'unicast')
    throw new BlockedImageSourceError(
      'private-address',
      `${host} resolves to ${address} (${parsed.range()}), which is not a public address`,
    );
}

/** A redirect may move within the same host only (http → https included); anything else is refused. */
export function checkRedirect(from: URL, location: string, allowedHosts: ReadonlySet<string>): URL {
  const target = new URL(location, from);
  if (normaliseHost(target.hostname) !== normaliseHost(from.hostname))
    throw new BlockedImageSourceError(
      'redirect-to-other-host',
      `${from.hostname} redirected to another host (${target.hostname})`,
    );
  return checkUrlAllowed(target.href, allowedHosts);
}
