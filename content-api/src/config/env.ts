import path from 'node:path';
import { z } from 'zod';
import { findRepoRoot } from './repo-root.ts';

const repoRoot = findRepoRoot();

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'MONGODB_URI must start with mongodb:// or mongodb+srv://')
    .optional(),
  KETANG_DATA_DIR: z.string().default(path.join(repoRoot, '.data', 'store')),
  KETANG_MEDIA_DIR: z.string().default(path.join(repoRoot, '.data', 'media')),
  KETANG_DEMO_VIDEO_DIR: z.string().default(path.join(repoRoot, '.data', 'demo-video')),
  KETANG_DEMO_MIRROR_DIR: z.string().default(path.join(repoRoot, '.cache', 'demo-mirror')),
  KETANG_TV_APP_DIR: z.string().default(path.join(repoRoot, 'tv-app', 'dist')),
  /** The web pages' build (content-api/web): the parent's phone page at /family/. */
  KETANG_WEB_DIR: z.string().default(path.join(repoRoot, 'content-api', 'web', 'dist')),
  KETANG_OPERATOR_TOKEN: z
    .string()
    .min(16, 'KETANG_OPERATOR_TOKEN must be at least 16 characters')
    .optional(),
  /** The first admin's password: creates operator `admin` when there is no operator yet. */
  KETANG_ADMIN_PASSWORD: z
    .string()
    .min(12, 'KETANG_ADMIN_PASSWORD must be at least 12 characters')
    .optional(),
  /** How long an operator session token lasts. */
  KETANG_SESSION_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(30 * 86_400)
    .default(8 * 3600),
  /** Signs phone links (HMAC-SHA-256); without it, a secret generated once and kept in the store. */
  KETANG_FAMILY_SECRET: z.string().min(32, 'KETANG_FAMILY_SECRET must be at least 32 characters').optional(),
  /** New households (first starts) one address may create per hour. */
  KETANG_HOUSEHOLD_CREATES_PER_HOUR: z.coerce.number().int().min(1).optional(),
  /** How boxes get a credential: `first-start` (any box, the demo) or `code` (activation by code, carriers). */
  KETANG_ACTIVATION: z.enum(['first-start', 'code']).default('first-start'),
  /** Activation codes one address may ask for per hour (a carrier NAT holds many boxes). */
  KETANG_ACTIVATIONS_PER_HOUR: z.coerce.number().int().min(1).default(600),
  /** Origins (exact, comma-separated) whose pages may call /v1 from a browser; none by default. */
  KETANG_CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/ }).regex(/^[^/]+\/\/[^/]+$/, 'an origin has no path'))),
  /** Reverse proxies in front of the API whose X-Forwarded-For is trusted (hop count); 0 = none. */
  KETANG_TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Failed operator logins one address may make per 15 minutes. */
  KETANG_LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  /** Failed logins in a row that lock an operator account, and for how long. */
  KETANG_LOGIN_LOCKOUT_FAILURES: z.coerce.number().int().min(1).default(5),
  KETANG_LOGIN_LOCKOUT_SECONDS: z.coerce.number().int().min(1).default(900),
  /** Writes (POST/PUT/PATCH/DELETE under /v1) one address may make per minute: sized for a carrier NAT. */
  KETANG_WRITES_PER_MINUTE: z.coerce.number().int().min(1).default(6000),
  /** Password and PIN hashes run on this many worker threads, with at most this many waiting. */
  KETANG_HASH_WORKERS: z.coerce.number().int().min(1).max(16).default(1),
  KETANG_HASH_QUEUE: z.coerce.number().int().min(1).default(32),
  /** A handler that has not answered by then gets 503; a client slower than these gets 408. */
  KETANG_HANDLER_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  KETANG_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  KETANG_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
  /** Playback events older than this are purged (hourly). */
  KETANG_EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).default(90),
  /** Catalogue responses kept per revision; 0 turns the cache off (benchmarks measure both). */
  KETANG_RESPONSE_CACHE_ENTRIES: z.coerce.number().int().min(0).default(20_000),
  /** The largest mezzanine file an operator may upload for packaging (bytes; default 20 GiB). */
  KETANG_UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(20 * 1024 ** 3),
  /** An upload no packaging job holds is removed this many hours after it was created (part-sent or not). */
  KETANG_UPLOAD_EXPIRY_HOURS: z.coerce.number().positive().default(48),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  mongodbUri?: string;
  dataDir: string;
  mediaDir: string;
  tvAppDir: string;
  /** Optional so that hand-built configs (tests) may leave the web pages out. */
  webDir?: string;
  demoVideoDir: string;
  demoMirrorDir: string;
  operatorToken?: string;
  adminPassword?: string;
  sessionTtlSeconds?: number;
  logLevel: string;
  responseCacheEntries: number;
  familySecret?: string;
  householdCreatesPerHour?: number;
  activation?: 'first-start' | 'code';
  activationsPerHour?: number;
  /** Packaging uploads (tus): the size limit; they are kept under `<dataDir>/packaging/uploads`. */
  uploadMaxBytes?: number;
  /** …and removed this long after they were created unless a job holds them (a packaged one at once). */
  uploadExpiryHours?: number;
} & Partial<HardeningConfig>;

/** Limits against abuse (docs/security.md); optional so that hand-built configs (tests) get the defaults. */
export type HardeningConfig = {
  corsOrigins: readonly string[];
  trustProxyHops: number;
  loginFailuresPerAddress: number;
  loginLockoutFailures: number;
  loginLockoutSeconds: number;
  writesPerMinute: number;
  hashWorkers: number;
  hashQueue: number;
  handlerTimeoutMs: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  eventRetentionDays: number;
};

/** The defaults of the hardening settings, for configs built by hand. */
export function hardeningOf(config: Partial<HardeningConfig>): HardeningConfig {
  const defaults = EnvSchema.parse({});
  return {
    corsOrigins: config.corsOrigins ?? defaults.KETANG_CORS_ORIGINS,
    trustProxyHops: config.trustProxyHops ?? defaults.KETANG_TRUST_PROXY_HOPS,
    loginFailuresPerAddress: config.loginFailuresPerAddress ?? defaults.KETANG_LOGIN_FAILURES_PER_ADDRESS,
    loginLockoutFailures: config.loginLockoutFailures ?? defaults.KETANG_LOGIN_LOCKOUT_FAILURES,
    loginLockoutSeconds: config.loginLockoutSeconds ?? defaults.KETANG_LOGIN_LOCKOUT_SECONDS,
    writesPerMinute: config.writesPerMinute ?? defaults.KETANG_WRITES_PER_MINUTE,
    hashWorkers: config.hashWorkers ?? defaults.KETANG_HASH_WORKERS,
    hashQueue: config.hashQueue ?? defaults.KETANG_HASH_QUEUE,
    handlerTimeoutMs: config.handlerTimeoutMs ?? defaults.KETANG_HANDLER_TIMEOUT_MS,
    headersTimeoutMs: config.headersTimeoutMs ?? defaults.KETANG_HEADERS_TIMEOUT_MS,
    requestTimeoutMs: config.requestTimeoutMs ?? defaults.KETANG_REQUEST_TIMEOUT_MS,
    eventRetentionDays: config.eventRetentionDays ?? defaults.KETANG_EVENT_RETENTION_DAYS,
  };
}

/** Parses the environment once; a bad value names the variable and what was expected. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid configuration — ${problems.join('; ')}`);
  }
  const value = parsed.data;
  return Object.freeze({
    port: value.PORT,
    host: value.HOST,
    mongodbUri: value.MONGODB_URI,
    dataDir: value.KETANG_DATA_DIR,
    mediaDir: value.KETANG_MEDIA_DIR,
    tvAppDir: value.KETANG_TV_APP_DIR,
    webDir: value.KETANG_WEB_DIR,
    demoVideoDir: value.KETANG_DEMO_VIDEO_DIR,
    demoMirrorDir: value.KETANG_DEMO_MIRROR_DIR,
    operatorToken: value.KETANG_OPERATOR_TOKEN,
    adminPassword: value.KETANG_ADMIN_PASSWORD,
    sessionTtlSeconds: value.KETANG_SESSION_TTL_SECONDS,
    logLevel: value.LOG_LEVEL,
    responseCacheEntries: value.KETANG_RESPONSE_CACHE_ENTRIES,
    familySecret: value.KETANG_FAMILY_SECRET,
    householdCreatesPerHour: value.KETANG_HOUSEHOLD_CREATES_PER_HOUR,
    activation: value.KETANG_ACTIVATION,
    activationsPerHour: value.KETANG_ACTIVATIONS_PER_HOUR,
    uploadMaxBytes: value.KETANG_UPLOAD_MAX_BYTES,
    uploadExpiryHours: value.KETANG_UPLOAD_EXPIRY_HOURS,
    corsOrigins: value.KETANG_CORS_ORIGINS,
    trustProxyHops: value.KETANG_TRUST_PROXY_HOPS,
    loginFailuresPerAddress: value.KETANG_LOGIN_FAILURES_PER_ADDRESS,
    loginLockoutFailures: value.KETANG_LOGIN_LOCKOUT_FAILURES,
    loginLockoutSeconds: value.KETANG_LOGIN_LOCKOUT_SECONDS,
    writesPerMinute: value.KETANG_WRITES_PER_MINUTE,
    hashWorkers: value.KETANG_HASH_WORKERS,
    hashQueue: value.KETANG_HASH_QUEUE,
    handlerTimeoutMs: value.KETANG_HANDLER_TIMEOUT_MS,
    headersTimeoutMs: value.KETANG_HEADERS_TIMEOUT_MS,
    requestTimeoutMs: value.KETANG_REQUEST_TIMEOUT_MS,
    eventRetentionDays: value.KETANG_EVENT_RETENTION_DAYS,
  });
}
