import { z } from 'zod';
import { CarrierIdSchema, RegionSchema } from './shared.schema.ts';

/**
 * Activation codes (docs/activation.md): 8 characters from 30 that cannot be confused on a TV screen or a phone
 * keyboard (no 0/O, 1/I/L, no U), shown as `ABCD-EFGH`. 30^8 ≈ 6.6 × 10^11 codes.
 */
export const ACTIVATION_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const ACTIVATION_CODE_LENGTH = 8;
const CODE_CHAR = `[${ACTIVATION_CODE_ALPHABET}${ACTIVATION_CODE_ALPHABET.toLowerCase().replace(/\d/g, '')}]`;
/** 8 characters of the alphabet in either case, with spaces and dashes anywhere: stated in the document too. */
const TYPED_CODE = new RegExp(`^[ -]*(?:${CODE_CHAR}[ -]*){${ACTIVATION_CODE_LENGTH}}$`);

/** What a person types or a QR code carries: case, spaces and the dash are forgiven. */
export const ActivationCodeSchema = z
  .string()
  .max(32)
  .regex(TYPED_CODE, 'an activation code is 8 letters and digits, such as ABCD-2345')
  .transform((value) => value.toUpperCase().replace(/[ -]/g, ''))
  .meta({ description: 'The code the box shows (case, spaces and "-" ignored)', example: 'ABCD-2345' });

export const ActivationCodeParamsSchema = z.strictObject({ code: ActivationCodeSchema });

export const ActivationSchema = z
  .object({
    code: z.string().meta({ description: 'Shown as 4-4 (ABCD-2345)' }),
    pollToken: z.string().meta({ description: 'A random secret: the box polls with it as a bearer token' }),
    expiresAt: z.string(),
    activateUrl: z.string().meta({ description: 'The phone page with the code in its fragment (QR code)' }),
  })
  .meta({ id: 'Activation' });
export type Activation = z.infer<typeof ActivationSchema>;

export const DeviceCredentialSchema = z
  .object({
    token: z.string(),
    householdId: z.string(),
    region: z.string().optional(),
    deviceId: z.string(),
    expiresAt: z.string().meta({ description: 'Rotate before then: POST /v1/household/credential/rotate' }),
  })
  .meta({ id: 'DeviceCredential' });
export type DeviceCredential = z.infer<typeof DeviceCredentialSchema>;

export const ActivationStateSchema = z
  .object({
    state: z.enum(['pending', 'bound', 'expired']),
    expiresAt: z.string().optional(),
    credential: DeviceCredentialSchema.optional().meta({
      description: 'Only in the first answer after the code was bound; never again',
    }),
  })
  .meta({ id: 'ActivationState' });
export type ActivationState = z.infer<typeof ActivationStateSchema>;

const CountySchema = z
  .string()
  .regex(/\S/, 'a county of 1–40 characters')
  .trim()
  .min(1, 'a county of 1–40 characters')
  .max(40, 'a county of 1–40 characters')
  .meta({ description: 'The county (name or code), as the carrier or the family gives it' });

/** The phone page: a new household (no credential), or the parent's own household (the phone link as bearer). */
export const BindActivationBodySchema = z.strictObject({
  newHousehold: z.strictObject({ region: RegionSchema, county: CountySchema.optional() }).optional(),
});
export type BindActivationBody = z.infer<typeof BindActivationBodySchema>;

/** The carrier's CRM: an existing household by id, or a new one with the carrier's own reference. */
export const OperatorBindActivationBodySchema = z.union([
  z.strictObject({ householdId: z.uuid() }),
  z.strictObject({
    newHousehold: z.strictObject({
      region: RegionSchema,
      county: CountySchema.optional(),
      carrier: CarrierIdSchema,
      externalRef: z.string().regex(/\S/, 'a reference of 1–64 characters').trim().min(1).max(64).optional(),
    }),
  }),
]);
export type OperatorBindActivationBody = z.infer<typeof OperatorBindActivationBodySchema>;

export const BoundActivationSchema = z
  .object({ householdId: z.string(), deviceId: z.string(), region: z.string().optional() })
  .meta({ id: 'BoundActivation' });

export const ActivationRegionsSchema = z
  .object({ items: z.array(z.object({ id: z.string() })) })
  .meta({ id: 'ActivationRegions' });

export const RotatedCredentialSchema = z
  .object({ token: z.string(), expiresAt: z.string().optional(), deviceId: z.string() })
  .meta({ id: 'RotatedCredential' });

export const DeviceParamsSchema = z.strictObject({ deviceId: z.uuid() });

export const HouseholdDevicesSchema = z
  .object({
    items: z.array(
      z.object({
        deviceId: z.string(),
        kind: z.enum(['first-start', 'activated']),
        createdAt: z.string(),
        isThisDevice: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'HouseholdDevices' });
export type HouseholdDevices = z.infer<typeof HouseholdDevicesSchema>;
