import pino, { type Logger } from 'pino';

/** Structured JSON logs; `LOG_LEVEL` tunes them (tests and benchmarks run with `silent` or `warn`). */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'content-api' } });
}
