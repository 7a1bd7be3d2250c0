import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

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
  /** Catalogue responses kept per revision; 0 turns the cache off (benchmarks measure both). */
  KETANG_RESPONSE_CACHE_ENTRIES: z.coerce.number().int().min(0).default(20_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  mongodbUri?: string;
  dataDir: string;
  mediaDir: string;
  tvAppDir: string;
  demoVideoDir: string;
  demoMirrorDir: string;
  operatorToken?: string;
  adminPassword?: string;
  sessionTtlSeconds?: number;
  logLevel: string;
  responseCacheEntries: number;
  familySecret?: string;
  householdCreatesPerHour?: number;
};

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
    demoVideoDir: value.KETANG_DEMO_VIDEO_DIR,
    demoMirrorDir: value.KETANG_DEMO_MIRROR_DIR,
    operatorToken: value.KETANG_OPERATOR_TOKEN,
    adminPassword: value.KETANG_ADMIN_PASSWORD,
    sessionTtlSeconds: value.KETANG_SESSION_TTL_SECONDS,
    logLevel: value.LOG_LEVEL,
    responseCacheEntries: value.KETANG_RESPONSE_CACHE_ENTRIES,
    familySecret: value.KETANG_FAMILY_SECRET,
    householdCreatesPerHour: value.KETANG_HOUSEHOLD_CREATES_PER_HOUR,
  });
}
