import { IdSchema } from '@ketang/catalog';
import { z } from 'zod';
import { RegionSchema } from './shared.schema.ts';

/** The avatars the TV ships: a profile's colour is its avatar's. */
export const AVATARS = [
  { id: 'panda', color: '#3A3A3A' },
  { id: 'tiger', color: '#F08A24' },
  { id: 'rabbit', color: '#F2A7C3' },
  { id: 'monkey', color: '#A0703C' },
  { id: 'elephant', color: '#7F98B2' },
  { id: 'fox', color: '#E4572E' },
  { id: 'frog', color: '#5BB85D' },
  { id: 'penguin', color: '#2E5C8A' },
] as const;
export const AvatarIdSchema = z.enum(AVATARS.map((avatar) => avatar.id) as [string, ...string[]]);

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};
export const TimeZoneSchema = z
  .string()
  .max(64)
  .refine(isTimeZone, 'an IANA time zone such as Asia/Shanghai');

export const CreateHouseholdBodySchema = z.strictObject({
  region: RegionSchema.optional(),
  timeZone: TimeZoneSchema.optional(),
});

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day HH:MM');
export const ControlsSchema = z
  .strictObject({
    dailyQuotaMinutes: z.number().int().min(5).max(600).nullable(),
    breakEveryMinutes: z.number().int().min(10).max(120),
    breakMinutes: z.number().int().min(1).max(30),
    bedtime: z.strictObject({ start: HHMM, end: HHMM }).nullable(),
    allowList: z
      .strictObject({
        subjectIds: z.array(IdSchema).max(50),
        sectionIds: z.array(IdSchema).max(50),
      })
      .nullable(),
  })
  .meta({ id: 'Controls' });
export type Controls = z.infer<typeof ControlsSchema>;

export const ProfileNameSchema = z
  .string()
  .regex(/\S/, 'a name of 1–12 characters')
  .trim()
  .min(1, 'a name of 1–12 characters')
  .refine((name) => [...name].length <= 12, 'a name of 1–12 characters')
  .meta({ maxLength: 12 }); // code points, as JSON Schema counts them
/** Subject id → edition id; a key is a stored document's key, so it has no "." (reject-operators.ts). */
const EditionsSchema = z
  .record(IdSchema.regex(/^[^.]+$/, 'a subject id without "."'), IdSchema)
  .refine((editions) => Object.keys(editions).length <= 30, 'at most 30 subjects')
  .meta({ maxProperties: 30 });

export const ProfileSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['child', 'adult']),
    name: z.string(),
    avatar: AvatarIdSchema,
    color: z.string(),
    gradeId: IdSchema.optional(),
    editions: z.record(z.string(), z.string()),
    controls: ControlsSchema,
  })
  .meta({ id: 'Profile' });
export type Profile = z.infer<typeof ProfileSchema>;

export const CreateProfileBodySchema = z.strictObject({
  kind: z.enum(['child', 'adult']).default('child'),
  name: ProfileNameSchema,
  avatar: AvatarIdSchema,
  gradeId: IdSchema.optional(),
  editions: EditionsSchema.optional(),
});
export type CreateProfileBody = z.infer<typeof CreateProfileBodySchema>;

export const PatchProfileBodySchema = z
  .strictObject({
    name: ProfileNameSchema.optional(),
    avatar: AvatarIdSchema.optional(),
    gradeId: IdSchema.optional(),
    editions: EditionsSchema.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'name at least one field to change')
  .meta({ minProperties: 1 });
export type PatchProfileBody = z.infer<typeof PatchProfileBodySchema>;

export const ProfileParamsSchema = z.strictObject({ profileId: IdSchema });

export const HouseholdSchema = z
  .object({
    id: z.string(),
    region: z.string().optional(),
    timeZone: z.string(),
    pinSet: z.boolean(),
    profiles: z.array(ProfileSchema),
  })
  .meta({ id: 'Household' });
export type Household = z.infer<typeof HouseholdSchema>;

export const CreatedHouseholdSchema = z
  .object({ household: HouseholdSchema, token: z.string(), deviceId: z.string() })
  .meta({ id: 'CreatedHousehold' });
export type CreatedHousehold = z.infer<typeof CreatedHouseholdSchema>;

export const PinSchema = z.string().regex(/^\d{4,6}$/, 'a PIN of 4–6 digits');
export const SetPinBodySchema = z.strictObject({ pin: PinSchema });
export const CheckPinBodySchema = z.strictObject({ pin: PinSchema });

export const PhoneLinkSchema = z.object({ url: z.string(), expiresAt: z.string() }).meta({ id: 'PhoneLink' });
