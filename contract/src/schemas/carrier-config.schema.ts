import { CODEC_FAMILIES } from '@ketang/catalog';
import { z } from 'zod';
import {
  CARRIER_SCHEMA_VERSION,
  COLOUR_NAMES,
  HEX_COLOUR,
  KEY_ACTIONS,
  LOGO_FILE,
  textContrastProblem,
} from './carrier-facts.ts';
import { CarrierIdSchema, RegionSchema } from './shared.schema.ts';

export * from './carrier-facts.ts';

// A carrier's configuration as data: one versioned document per carrier (carriers/<id>/carrier.json), checked
// by the CLI, published through the API and read by the TV (whose zod-free reader takes its types from here).

const LocalTextSchema = z.strictObject({ zh: z.string().min(1).max(80), en: z.string().min(1).max(80) });
const ColourSchema = z.string().regex(HEX_COLOUR, 'expected a colour #rrggbb');
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$/;
const OriginSchema = z
  .string()
  .regex(/^https?:\/\/[^/?#\s]+$/, 'expected an origin: scheme://host[:port], no path');
const HttpUrlSchema = z
  .string()
  .regex(/^(https?:\/\/[^\s]+|\/[^\s]*)?$/, 'expected an http(s) URL or a path');

const PUBLIC_KEY_PEM = /^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+\n-----END PUBLIC KEY-----\n?$/;

const ColoursSchema = z
  .strictObject(
    Object.fromEntries(COLOUR_NAMES.map((name) => [name, ColourSchema])) as {
      [K in (typeof COLOUR_NAMES)[number]]: typeof ColourSchema;
    },
  )
  .superRefine((colours, ctx) => {
    const problem = textContrastProblem(colours.text, colours.background);
    if (problem) ctx.addIssue({ code: 'custom', path: ['text'], message: problem });
  });

const BrandingSchema = z.strictObject({
  appName: LocalTextSchema,
  logo: z.string().regex(LOGO_FILE, 'expected a PNG or SVG file name beside carrier.json'),
  colours: ColoursSchema,
  bootScreen: z.strictObject({
    background: ColourSchema,
    logo: z.string().regex(LOGO_FILE, 'expected a PNG or SVG file name beside carrier.json').optional(),
    text: LocalTextSchema.optional(),
  }),
});

const KeyBindingSchema = z.union([z.string().min(1).max(40), z.number().int().min(0).max(65535)]);
const KeyMapSchema = z.partialRecord(z.enum(KEY_ACTIONS), z.array(KeyBindingSchema).min(1).max(16));

const EndpointsSchema = z.strictObject({
  apiBase: HttpUrlSchema,
  /** Media and images, when a CDN serves them apart from the API. */
  cdnBase: HttpUrlSchema.optional(),
  /** The origins the app is served from: CORS on the API allows exactly these. */
  appOrigins: z.array(OriginSchema).max(20).default([]),
});

const FeaturesSchema = z.strictObject({
  /** How a box gets its household credential: by itself at first start, or bound by a code. */
  activation: z.enum(['first-start', 'code']).default('first-start'),
  parentPhonePage: z.boolean().default(true),
  search: z.boolean().default(true),
  channels: z.boolean().default(true),
});

const RegexSourceSchema = z
  .string()
  .max(200)
  .refine((source) => {
    try {
      new RegExp(source);
      return true;
    } catch {
      return false;
    }
  }, 'expected a regular expression source');

export const DeviceProfileEntrySchema = z.strictObject({
  match: z
    .strictObject({ model: z.string().min(1).max(80).optional(), userAgent: RegexSourceSchema.optional() })
    .refine(
      (match) => match.model !== undefined || match.userAgent !== undefined,
      'expected model or userAgent',
    ),
  codecFamilies: z.array(z.enum(CODEC_FAMILIES)).min(1).optional(),
  maxHeight: z.number().int().positive().max(4320).optional(),
  memoryClass: z.enum(['low', 'standard']).optional(),
  textureMemoryMb: z.number().int().positive().max(4096).optional(),
  bufferingGoalSeconds: z.number().positive().max(600).optional(),
});

/** What a region may change: its endpoints and features, and the region itself. */
const RegionOverridesSchema = z.strictObject({
  endpoints: EndpointsSchema.partial().optional(),
  features: FeaturesSchema.partial().optional(),
});

export const CarrierConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    schemaVersion: z.literal(CARRIER_SCHEMA_VERSION),
    carrier: z.strictObject({ id: CarrierIdSchema, name: LocalTextSchema }),
    version: z.string().regex(SEMVER, 'expected a semantic version such as 1.2.0'),
    region: RegionSchema.optional(),
    branding: BrandingSchema,
    keyMap: KeyMapSchema.default({}),
    endpoints: EndpointsSchema,
    features: FeaturesSchema.default({
      activation: 'first-start',
      parentPhonePage: true,
      search: true,
      channels: true,
    }),
    deviceProfiles: z.array(DeviceProfileEntrySchema).max(50).default([]),
    keyRepeatMs: z.number().int().min(0).max(2000).optional(),
    regions: z.record(RegionSchema, RegionOverridesSchema).optional(),
    /**
     * The Ed25519 public key (SPKI PEM) the carrier's packages are signed with: the API stores only packages
     * it verifies (docs/carrier.md, "Updates").
     */
    packageKey: z
      .string()
      .max(400)
      .regex(PUBLIC_KEY_PEM, 'expected an Ed25519 public key as PEM (-----BEGIN PUBLIC KEY-----)')
      .optional(),
  })
  .meta({
    id: 'CarrierConfig',
    description: "A carrier's configuration: branding, keys, endpoints, features, device profiles",
  });

/**
 * A configuration as published through the API: the document without its editor's `$schema` line (the API
 * refuses `$`-keys in bodies, before any credential check).
 */
export const CarrierConfigBodySchema = CarrierConfigSchema.omit({ $schema: true });

export type CarrierConfig = z.output<typeof CarrierConfigSchema>;
export type CarrierConfigInput = z.input<typeof CarrierConfigSchema>;
export type CarrierDeviceProfile = z.output<typeof DeviceProfileEntrySchema>;
export type CarrierBranding = CarrierConfig['branding'];
export type CarrierFeatures = CarrierConfig['features'];

/** One problem of a document: its field path (`branding.colours.text`) and what was expected. */
export type CarrierConfigProblem = { path: string; message: string };

/** Validates a document; the problems name their field paths. */
export function parseCarrierConfig(
  raw: unknown,
): { ok: true; config: CarrierConfig } | { ok: false; problems: CarrierConfigProblem[] } {
  const result = CarrierConfigSchema.safeParse(raw);
  if (result.success) return { ok: true, config: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.') || '(document)',
      message: issue.message,
    })),
  };
}

/** The document with its region's overrides applied and `regions` dropped: what a box of that region reads. */
export function resolveCarrierRegion(config: CarrierConfig, region = config.region): CarrierConfig {
  const { regions, ...base } = config;
  const overrides = region ? regions?.[region] : undefined;
  return {
    ...base,
    ...(region ? { region } : {}),
    endpoints: { ...base.endpoints, ...overrides?.endpoints },
    features: { ...base.features, ...overrides?.features },
  };
}

/** The JSON Schema of the document, for editors (`carriers/carrier-config.schema.json`). */
export function carrierConfigJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(CarrierConfigSchema, { io: 'input', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
}

// The API's carrier configuration routes (docs/carrier.md: publishing).

export const CarrierParamsSchema = z.strictObject({ id: CarrierIdSchema });

/** One published version of a carrier's configuration, as stored: every version is kept. */
export const CarrierConfigRecordSchema = z
  .strictObject({
    carrier: CarrierIdSchema,
    /** 1, 2, 3… in publishing order. */
    seq: z.number().int().positive(),
    version: z.string(),
    etag: z.string(),
    publishedAt: z.string(),
    publishedBy: z.string(),
    config: CarrierConfigSchema,
  })
  .meta({ id: 'CarrierConfigRecord' });

export const CarrierListSchema = z
  .strictObject({
    items: z.array(
      z.strictObject({
        id: CarrierIdSchema,
        name: LocalTextSchema,
        version: z.string(),
        publishedAt: z.string(),
        versions: z.number().int().positive(),
        appOrigins: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'CarrierList' });

export type CarrierConfigRecord = z.output<typeof CarrierConfigRecordSchema>;
export type CarrierList = z.output<typeof CarrierListSchema>;

// The carrier's signed packages, hosted for boxes to update from (docs/carrier.md, "Updates").

const SemverSchema = z.string().regex(SEMVER, 'expected a semantic version such as 1.2.0');
export const CarrierPackageParamsSchema = z.strictObject({ id: CarrierIdSchema, version: SemverSchema });

/** A stored package: its version, checksum and size (the bytes are at `url`). */
export const CarrierPackageSchema = z
  .strictObject({
    carrier: CarrierIdSchema,
    version: z.string(),
    sha256: z.string(),
    size: z.number().int().positive(),
    uploadedAt: z.string(),
    uploadedBy: z.string(),
    /** Where boxes download it: `/v1/carriers/{id}/packages/{version}`. */
    url: z.string(),
  })
  .meta({ id: 'CarrierPackage' });
export type CarrierPackage = z.output<typeof CarrierPackageSchema>;

/**
 * The version boxes should run: the newest stored package's (with `package` to download), else the newest
 * configuration's version (no package hosted yet).
 */
export const CarrierAppVersionSchema = z
  .strictObject({
    carrier: CarrierIdSchema,
    version: z.string(),
    publishedAt: z.string(),
    package: CarrierPackageSchema.pick({ sha256: true, size: true, url: true }).optional(),
  })
  .meta({ id: 'CarrierAppVersion' });
export type CarrierAppVersion = z.output<typeof CarrierAppVersionSchema>;
