import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { rolesWith, SERVICE_ABILITIES, type Ability, type OperatorRole } from '@ketang/contract';
import { ConflictError, ForbiddenError, UnauthorizedError } from '../errors.ts';
import type { AuditStore } from '../stores/audit.store.ts';
import type { OperatorStore } from '../stores/operator.store.ts';
import type { LoginLockout } from './login-lockout.ts';
import { hashPassword, verifyPassword } from './password-hash.ts';

/** Who is calling the operator API: an operator by session, or the packager's service token. */
export type Principal = {
  actor: string;
  role: OperatorRole | 'service';
  /** A `carrier` account's carrier. */
  carrier?: string;
};

export const SERVICE_ACTOR = 'service-token';
const sha256 = (value: string) => createHash('sha256').update(value).digest();

export type AuthOptions = {
  serviceToken?: string;
  sessionTtlSeconds: number;
  clock?: () => Date;
  /** The per-account limit on wrong passwords; without it (tests of other things) none. */
  lockout?: LoginLockout;
};

/** Operator accounts, logins that issue expiring bearer tokens, and who each token belongs to. */
export class AuthService {
  private readonly serviceDigest: Buffer | undefined;
  private readonly clock: () => Date;

  constructor(
    private readonly operators: OperatorStore,
    private readonly audit: AuditStore,
    private readonly options: AuthOptions,
  ) {
    this.serviceDigest = options.serviceToken ? sha256(options.serviceToken) : undefined;
    this.clock = options.clock ?? (() => new Date());
  }

  /** Creates the first admin from KETANG_ADMIN_PASSWORD when there is no operator yet. */
  async seedAdmin(password: string | undefined): Promise<void> {
    if (!password || (await this.operators.count()) > 0) return;
    await this.operators.put({
      username: 'admin',
      role: 'admin',
      passwordHash: await hashPassword(password),
      createdAt: this.clock().toISOString(),
    });
    await this.audit.add({
      actor: 'system',
      action: 'operator.seed',
      target: 'operator:admin',
      after: { role: 'admin' },
    });
  }

  /** `address` (the client's) goes into the audit log when the attempt locks the username. */
  async login(
    username: string,
    password: string,
    address?: string,
  ): Promise<{ token: string; role: OperatorRole; expiresAt: string }> {
    const check = async () => {
      const operator = await this.operators.get(username);
      // Verify even for unknown users, so timing does not tell which usernames exist.
      const isValid = await verifyPassword(password, operator?.passwordHash ?? DUMMY_HASH);
      return operator && isValid ? operator : undefined;
    };
    const operator = this.options.lockout
      ? await this.options.lockout.guard(username, address, check)
      : await check();
    if (!operator) throw new UnauthorizedError('wrong username or password');
    const token = `kt_${randomBytes(32).toString('base64url')}`;
    const now = this.clock();
    const expiresAt = new Date(now.getTime() + this.options.sessionTtlSeconds * 1000).toISOString();
    await this.operators.removeExpiredSessions(now.toISOString());
    await this.operators.saveSession(sha256(token).toString('hex'), {
      username,
      role: operator.role,
      ...(operator.carrier ? { carrier: operator.carrier } : {}),
      expiresAt,
    });
    return { token, role: operator.role, expiresAt };
  }

  async authenticate(authorization: string | undefined): Promise<Principal> {
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    if (!token) throw new UnauthorizedError();
    const digest = sha256(token);
    if (this.serviceDigest && timingSafeEqual(digest, this.serviceDigest))
      return { actor: SERVICE_ACTOR, role: 'service' };
    const session = await this.operators.session(digest.toString('hex'));
    if (!session) throw new UnauthorizedError();
    if (Date.parse(session.expiresAt) <= this.clock().getTime())
      throw new UnauthorizedError('the session has expired; log in again');
    return {
      actor: session.username,
      role: session.role,
      ...(session.carrier ? { carrier: session.carrier } : {}),
    };
  }

  /** Every account, by username, with when its lock ends if wrong passwords lock it now; never a hash. */
  async listOperators(by: Principal) {
    requireAbility(by, 'manageOperators');
    const operators = await this.operators.list();
    return {
      items: await Promise.all(
        operators.map(async ({ username, role, carrier, createdAt }) => {
          const lockedUntil = await this.options.lockout?.lockedUntil(username);
          return {
            username,
            role,
            ...(carrier && { carrier }),
            createdAt,
            ...(lockedUntil && { lockedUntil }),
          };
        }),
      ),
    };
  }

  async createOperator(
    by: Principal,
    input: { username: string; password: string; role: OperatorRole; carrier?: string },
  ) {
    requireAbility(by, 'manageOperators');
    if (await this.operators.get(input.username)) {
      throw new ConflictError(`operator "${input.username}" already exists`, [
        { path: 'body.username', message: 'taken' },
      ]);
    }
    const record = {
      username: input.username,
      role: input.role,
      ...(input.carrier ? { carrier: input.carrier } : {}),
      createdAt: this.clock().toISOString(),
    };
    await this.operators.put({ ...record, passwordHash: await hashPassword(input.password) });
    await this.audit.add({
      actor: by.actor,
      action: 'operator.create',
      target: `operator:${input.username}`,
      after: record,
    });
    return record;
  }
}

/** The roles (and the service token, when it may) that have the ability, in the contract's one table. */
export function principalsWith(ability: Ability): Principal['role'][] {
  return [...rolesWith(ability), ...(SERVICE_ABILITIES.includes(ability) ? (['service'] as const) : [])];
}

/**
 * Throws 403 unless the principal's role has the ability in the contract's one table; the service token has
 * only SERVICE_ABILITIES.
 */
export function requireAbility(principal: Principal, ability: Ability): void {
  const allowed = principalsWith(ability);
  if (!allowed.includes(principal.role)) {
    throw new ForbiddenError(`this needs the role ${allowed.join(' or ')}; you are ${principal.role}`);
  }
}

/** A valid hash of a random password, verified against when the username is unknown. */
const DUMMY_HASH = await hashPassword(randomBytes(16).toString('hex'));
