import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** The fields of a request a log line carries (after pino-std-serializers' own request serialiser). */
type SerialisedRequest = { id: unknown; method: string; url: string; remoteAddress?: string };

/**
 * One log line per answer (pino-http), with the request id a box may send (`X-Request-Id`, echoed back) or a
 * new one. A request is logged by its id, method, URL and address only: not its headers, which carry the
 * box's and the operators' bearer credentials and a parent's PIN, and whose serialisation was the largest
 * part of the logging's cost on every read (benchmarks: "Content API", the read-path work). An answer is
 * logged by its status.
 */
export function requestLog(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: {
      req: ({ id, method, url, remoteAddress }: SerialisedRequest) => ({ id, method, url, remoteAddress }),
      res: ({ statusCode }: { statusCode: number }) => ({ statusCode }),
    },
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
  });
}
