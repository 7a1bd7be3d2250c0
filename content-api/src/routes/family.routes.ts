import { Router, type Response } from 'express';
import { noStore } from '../middleware/catalogue-cache.ts';
import { readPreview } from '../middleware/device-scope.ts';
import { familyOf, householdAuth, parentalGuard, requireBox } from '../middleware/household-auth.ts';
import { requireJson } from '../middleware/require-json.ts';
import { validate } from '../middleware/validate.ts';
import { limitPerAddress } from '../middleware/rate-limits.ts';
import {
  CheckPinBodySchema,
  ControlsSchema,
  CreateHouseholdBodySchema,
  CreateProfileBodySchema,
  PatchProfileBodySchema,
  ProfileParamsSchema,
  SetPinBodySchema,
} from '@ketang/contract';
import { ExtensionBodySchema, HeartbeatBatchBodySchema, ProgressQuerySchema } from '@ketang/contract';
import { ReportQuerySchema } from '@ketang/contract';
import { PlaybackKeyQuerySchema, type PlaybackKeyQuery } from '@ketang/contract';
import type { FamilyServices } from '../services/family/family-services.ts';
import { sendProfileHome } from '../services/family/profile-home-json.ts';

const HOUSEHOLD_CREATES_WINDOW_MS = 3_600_000;
/** The heartbeat route's path under /v1: app.ts leaves its answers (a few hundred bytes) uncompressed. */
export const HEARTBEATS_PATH = '/household/heartbeats';

/**
 * A heartbeat's answer as JSON, without the ETag `res.json` hashes for every answer (a no-store answer to a
 * POST is never revalidated): the route answers a few thousand times a second.
 */
function sendWriteAnswer(res: Response, answer: unknown): void {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(answer));
}
const DEFAULT_HOUSEHOLD_CREATES_PER_HOUR = 30;

/** The family routes (docs/family.md): every one but first start reads the household from the credential. */
export function familyRoutes(
  family: FamilyServices,
  options: { householdCreatesPerHour?: number } = {},
): Router {
  const router = Router();
  router.use(['/households', '/household'], noStore);
  const firstStartLimit = limitPerAddress({
    windowMs: HOUSEHOLD_CREATES_WINDOW_MS,
    limit: options.householdCreatesPerHour ?? DEFAULT_HOUSEHOLD_CREATES_PER_HOUR,
    message: 'too many new households from this address',
  });
  router.post(
    '/households',
    firstStartLimit,
    validate('body', CreateHouseholdBodySchema),
    async (_req, res) => {
      res.status(201).json(await family.households.create(res.locals.body));
    },
  );

  router.use('/household', householdAuth(family.authenticator));
  const guarded = parentalGuard(family.pins);
  const profile = validate('params', ProfileParamsSchema);
  const profileId = (res: Response) => (res.locals.params as { profileId: string }).profileId;

  router.get(
    '/household/playback-keys',
    requireBox,
    validate('query', PlaybackKeyQuerySchema),
    async (_req, res) => {
      const { lesson, uri } = res.locals.query as PlaybackKeyQuery;
      const key = await family.playbackKeys.key(familyOf(res), lesson, uri);
      res.type('application/octet-stream').send(Buffer.from(key));
    },
  );
  router.get('/household', async (_req, res) => {
    res.json(await family.households.get(familyOf(res)));
  });
  router.post(
    '/household/profiles',
    requireJson,
    validate('body', CreateProfileBodySchema),
    guarded,
    async (_req, res) => {
      res.status(201).json(await family.households.createProfile(familyOf(res), res.locals.body));
    },
  );
  router.patch(
    '/household/profiles/:profileId',
    requireJson,
    profile,
    validate('body', PatchProfileBodySchema),
    guarded,
    async (_req, res) => {
      res.json(await family.households.patchProfile(familyOf(res), profileId(res), res.locals.body));
    },
  );
  router.delete('/household/profiles/:profileId', profile, guarded, async (_req, res) => {
    await family.households.deleteProfile(familyOf(res), profileId(res));
    res.status(204).end();
  });
  router.put(
    '/household/profiles/:profileId/controls',
    requireJson,
    profile,
    validate('body', ControlsSchema),
    guarded,
    async (_req, res) => {
      res.json(await family.households.setControls(familyOf(res), profileId(res), res.locals.body));
    },
  );

  router.get('/household/profiles/:profileId/home', requireBox, profile, readPreview, async (req, res) => {
    // Serialised by the service (its rails are kept as JSON, and compressed): sent as it is.
    const preview = res.locals.preview as string | undefined;
    sendProfileHome(req, res, await family.profileHome.home(familyOf(res), profileId(res), preview));
  });

  router.post(
    HEARTBEATS_PATH,
    requireBox,
    requireJson,
    validate('body', HeartbeatBatchBodySchema),
    async (_req, res) => {
      sendWriteAnswer(res, await family.progress.record(familyOf(res), res.locals.body.heartbeats));
    },
  );
  router.get(
    '/household/profiles/:profileId/progress',
    profile,
    validate('query', ProgressQuerySchema),
    async (_req, res) => {
      res.json(await family.progress.progress(familyOf(res), profileId(res), res.locals.query.lessonIds));
    },
  );
  router.get('/household/profiles/:profileId/usage', profile, async (_req, res) => {
    res.json(await family.usage.today(familyOf(res), profileId(res)));
  });
  router.post(
    '/household/profiles/:profileId/usage/extensions',
    requireJson,
    profile,
    validate('body', ExtensionBodySchema),
    guarded,
    async (_req, res) => {
      res.json(await family.usage.extend(familyOf(res), profileId(res), res.locals.body.minutes));
    },
  );
  router.post('/household/profiles/:profileId/break-skips', profile, guarded, async (_req, res) => {
    res.json(await family.usage.skipBreak(familyOf(res), profileId(res)));
  });

  router.put('/household/pin', requireJson, validate('body', SetPinBodySchema), async (req, res) => {
    await family.pins.set(familyOf(res), res.locals.body.pin, req.get('x-parental-pin'));
    res.status(204).end();
  });
  router.post(
    '/household/pin/checks',
    requireBox,
    requireJson,
    validate('body', CheckPinBodySchema),
    async (_req, res) => {
      await family.pins.check(familyOf(res), res.locals.body.pin);
      res.status(204).end();
    },
  );
  router.post('/household/phone-links', requireBox, async (req, res) => {
    const auth = familyOf(res);
    const link = await family.phoneLinks.mint(auth.householdId, auth.deviceId);
    // The fragment never reaches a server or its logs; the phone page reads it and sends it as a bearer token.
    const url = `${req.protocol}://${req.get('host')}/family/#t=${link.token}`;
    res.status(201).json({ url, expiresAt: link.expiresAt });
  });
  router.get('/household/report', validate('query', ReportQuerySchema), async (_req, res) => {
    const { profileId: id, week } = res.locals.query;
    res.json(await family.reports.week(familyOf(res), id, week));
  });
  return router;
}
