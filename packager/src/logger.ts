import pino from 'pino';

// One JSON logger for the packager, on stderr so CLI output on stdout stays clean. Silent unless asked.
const rootLogger = pino(
  { name: 'packager', level: process.env.KETANG_PACKAGER_LOG ?? process.env.LOG_LEVEL ?? 'silent' },
  pino.destination(2),
);

export function createLogger(module: string, bindings: Record<string, unknown> = {}): pino.Logger {
  return rootLogger.child({ module, ...bindings });
}
