import { createHash, randomBytes } from 'node:crypto';
import { UnauthorizedError } from '../../errors.ts';
import type { CredentialKind, CredentialRecord, CredentialStore } from '../../stores/credential.store.ts';

/** Who is asking, read from the credential only: never from the URL. */
export type FamilyAuth = { householdId: string; deviceId: string; via: 'box' | 'phone' };

/** One way of turning a bearer token into a household: stored box credentials, signed phone links… */
export interface CredentialResolver {
  resolve(token: string): Promise<FamilyAuth | undefined>;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** How long an activated box's credential lives, and how long a rotated one still works (docs/activation.md). */
export const ACTIVATED_CREDENTIAL_LIFETIME_MS = 90 * 86_400_000;
export const ROTATION_GRACE_MS = 15 * 60_000;

export type IssuedCredential = { token: string; deviceId: string; expiresAt?: string };

/**
 * Box credentials: a random 32-byte secret, of which the store keeps only the SHA-256 (a fast hash suffices
 * for a secret this long). `acceptedKinds` is how activation by code turns `first-start` off.
 * Activated credentials expire (the box rotates them); first-start ones do not.
 */
export class BoxCredentials implements CredentialResolver {
  constructor(
    private readonly credentials: CredentialStore,
    private readonly acceptedKinds: ReadonlySet<CredentialKind> = new Set(['first-start', 'activated']),
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async issue(householdId: string, deviceId: string, kind: CredentialKind, now: Date): Promise<string> {
    return (await this.issueWithExpiry(householdId, deviceId, kind, now)).token;
  }

  async issueWithExpiry(
    householdId: string,
    deviceId: string,
    kind: CredentialKind,
    now: Date,
  ): Promise<IssuedCredential> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt =
      kind === 'activated'
        ? new Date(now.getTime() + ACTIVATED_CREDENTIAL_LIFETIME_MS).toISOString()
        : undefined;
    await this.credentials.add({
      tokenHash: hashToken(token),
      kind,
      householdId,
      deviceId,
      createdAt: now.toISOString(),
      ...(expiresAt ? { expiresAt } : {}),
    });
    return { token, deviceId, ...(expiresAt ? { expiresAt } : {}) };
  }

  /** A new credential for the same box; the presented one keeps working for the grace period only. */
  async rotate(token: string): Promise<IssuedCredential> {
    const record = await this.usable(token);
    if (!record) throw new UnauthorizedError('a valid box credential is required');
    const now = this.clock();
    const issued = await this.issueWithExpiry(record.householdId, record.deviceId, record.kind, now);
    await this.credentials.expire(record, new Date(now.getTime() + ROTATION_GRACE_MS));
    return issued;
  }

  async resolve(token: string): Promise<FamilyAuth | undefined> {
    const record = await this.usable(token);
    return record && { householdId: record.householdId, deviceId: record.deviceId, via: 'box' };
  }

  private async usable(token: string): Promise<CredentialRecord | undefined> {
    const record = await this.credentials.byHash(hashToken(token));
    if (!record || record.revokedAt || !this.acceptedKinds.has(record.kind)) return undefined;
    if (record.expiresAt && Date.parse(record.expiresAt) <= this.clock().getTime()) return undefined;
    return record;
  }
}

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]{16,1024})$/;

/** The bearer token of `Authorization: Bearer …`, when well-formed. */
export const bearerOf = (header: string | undefined): string | undefined =>
  header ? BEARER.exec(header)?.[1] : undefined;

/** Reads `Authorization: Bearer …` and asks each resolver in turn; nothing matching is a 401. */
export class FamilyAuthenticator {
  constructor(private readonly resolvers: readonly CredentialResolver[]) {}

  async authenticate(header: string | undefined): Promise<FamilyAuth> {
    const token = bearerOf(header);
    if (token) {
      for (const resolver of this.resolvers) {
        const auth = await resolver.resolve(token);
        if (auth) return auth;
      }
    }
    throw new UnauthorizedError('a valid household credential is required');
  }
}
