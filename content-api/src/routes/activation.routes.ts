// Activation by code and the box credentials it issues (docs/activation.md).
import { Router, type NextFunction, type Request, type Response } from 'express';
import {
  ActivationCodeParamsSchema,
  BindActivationBodySchema,
  DeviceParamsSchema,
  OperatorBindActivationBodySchema,
} from '@ketang/contract';
import { AppError, UnauthorizedError } from '../errors.ts';
import { noStore } from '../middleware/catalogue-cache.ts';
import { needs } from '../middleware/needs-ability.ts';
import { familyOf, householdAuth, parentalGuard, requireBox } from '../middleware/household-auth.ts';
import { operatorAuth, principalOf } from '../middleware/operator-auth.ts';
import { limitPerAddress } from '../middleware/rate-limits.ts';
import { requireJson } from '../middleware/require-json.ts';
import { validate } from '../middleware/validate.ts';
import { withFacts } from '../openapi/route-facts.ts';
import type { AuthService } from '../services/auth.service.ts';
import { bearerOf } from '../services/family/family-auth.ts';
import type { ActivationMode, FamilyServices } from '../services/family/family-services.ts';

const HOUR_MS = 3_600_000;
const QUARTER_HOUR_MS = 15 * 60_000;
/** Failed binds (unknown codes, mostly) one address may make per 15 minutes: the guessing bound. */
export const FAILED_BINDS_PER_ADDRESS = 10;
const DEFAULT_ACTIVATIONS_PER_HOUR = 600;

const originOf = (req: Request) => `${req.protocol}://${req.get('host')}`;
const codeOf = (res: Response) => (res.locals.params as { code: string }).code;
const deviceIdOf = (res: Response) => (res.locals.params as { deviceId: string }).deviceId;

/** With KETANG_ACTIVATION=code, first start is off: a box must be activated by code. */
export function firstStartGate(mode: ActivationMode) {
  return withFacts(
    (req: Request, _res: Response, next: NextFunction) => {
      if (mode === 'code' && req.method === 'POST')
        throw new AppError(
          403,
          'activation_required',
          'this API activates boxes by code (KETANG_ACTIVATION=code): POST /v1/activations',
        );
      next();
    },
    {
      responses: { '403': 'activation_required: first start is off (KETANG_ACTIVATION=code)' },
      methods: ['POST'],
    },
  );
}

/** The poll token of `GET /v1/activations/current`: a bearer secret, not a household credential. */
const pollToken = withFacts(
  (req: Request, res: Response, next: NextFunction) => {
    const token = bearerOf(req.get('authorization'));
    if (!token) throw new UnauthorizedError('the activation poll token is required (Authorization: Bearer)');
    res.locals.pollToken = token;
    next();
  },
  { responses: { '401': 'No or unknown activation poll token (WWW-Authenticate: Bearer)' } },
);

/** The box asks for a code and polls; the phone page binds; the box rotates its credential; the parent removes boxes. */
export function activationRoutes(
  family: FamilyServices,
  options: { activationsPerHour?: number } = {},
): Router {
  const router = Router();
  router.use(['/activations', '/household/credential', '/household/devices'], noStore);
  const startLimit = limitPerAddress({
    windowMs: HOUR_MS,
    limit: options.activationsPerHour ?? DEFAULT_ACTIVATIONS_PER_HOUR,
    message: 'too many activation codes from this address',
  });
  const bindFailureLimit = limitPerAddress({
    windowMs: QUARTER_HOUR_MS,
    limit: FAILED_BINDS_PER_ADDRESS,
    message: 'too many failed activation codes from this address; try again later',
    isFailuresOnly: true,
  });
  const code = validate('params', ActivationCodeParamsSchema);

  router.post('/activations', startLimit, async (req, res) => {
    res.status(201).json(await family.activations.start(originOf(req)));
  });
  router.get('/activations/current', pollToken, async (_req, res) => {
    res.json(await family.activations.poll(res.locals.pollToken as string));
  });
  router.get('/activations/regions', async (_req, res) => {
    res.json(await family.activations.regions());
  });
  router.post(
    '/activations/:code/bind',
    bindFailureLimit,
    requireJson,
    code,
    validate('body', BindActivationBodySchema),
    async (req, res) => {
      const header = req.get('authorization');
      const auth = header ? await family.authenticator.authenticate(header) : undefined;
      res.json(await family.activations.bindFromPhone(codeOf(res), auth, res.locals.body));
    },
  );

  const household = householdAuth(family.authenticator);
  router.post('/household/credential/rotate', household, requireBox, async (req, res) => {
    res.json(await family.devices.rotate(bearerOf(req.get('authorization')) ?? ''));
  });
  router.get('/household/devices', household, async (_req, res) => {
    res.json(await family.devices.list(familyOf(res)));
  });
  router.delete(
    '/household/devices/:deviceId',
    household,
    validate('params', DeviceParamsSchema),
    parentalGuard(family.pins),
    async (_req, res) => {
      await family.devices.remove(familyOf(res), deviceIdOf(res));
      res.status(204).end();
    },
  );
  return router;
}

/** The carrier's CRM (role carrier) or an admin: bind a code, revoke a box. Mounted at /v1/operator. */
export function activationOperatorRoutes(family: FamilyServices, auth: AuthService): Router {
  const router = Router();
  const operator = operatorAuth(auth);
  router.post(
    '/activations/:code/bind',
    noStore,
    operator,
    needs('bindDevices'),
    requireJson,
    validate('params', ActivationCodeParamsSchema),
    validate('body', OperatorBindActivationBodySchema),
    async (_req, res) => {
      res.json(await family.activations.bindFromOperator(principalOf(res), codeOf(res), res.locals.body));
    },
  );
  router.delete(
    '/devices/:deviceId',
    noStore,
    operator,
    needs('bindDevices'),
    validate('params', DeviceParamsSchema),
    async (_req, res) => {
      await family.devices.revokeByOperator(principalOf(res), deviceIdOf(res));
      res.status(204).end();
    },
  );
  return router;
}
