import autocannon from 'autocannon';

export type LoadResult = {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
};

/** One request of a load, built per call: a path to GET, or a method, headers and body. */
export type LoadRequest = {
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
};

/** Sees every answer with the request it answers; giving one makes autocannon keep the bodies. */
export type OnResponse = (status: number, body: string, request: LoadRequest) => void;

/** Cycles through the given paths, so that the server sees many distinct URLs, as a population of boxes does. */
export function cyclePaths(paths: readonly string[]): () => LoadRequest {
  let next = 0;
  return () => {
    const path = paths[next % paths.length]!;
    next += 1;
    return { path };
  };
}

/**
 * Loads the server for a bounded time from this process (autocannon, loopback), each request built by `build`
 * when it is sent. Gzip is accepted, as boxes do.
 */
export async function runLoad(
  url: string,
  build: readonly string[] | (() => LoadRequest),
  seconds: number,
  connections: number,
  onResponse?: OnResponse,
): Promise<LoadResult> {
  const next = typeof build === 'function' ? build : cyclePaths(build);
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: { 'accept-encoding': 'gzip' },
    requests: [
      {
        setupRequest: (request, context) => {
          const built = next();
          (context as { request?: LoadRequest }).request = built;
          return {
            ...request,
            method: built.method ?? 'GET',
            path: built.path,
            headers: { ...request.headers, ...built.headers },
            ...(built.body !== undefined ? { body: built.body } : {}),
          };
        },
        ...(onResponse
          ? {
              onResponse: (status: number, body: string, context: object) =>
                onResponse(status, body, (context as { request: LoadRequest }).request),
            }
          : {}),
      },
    ],
  });
  return {
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}
