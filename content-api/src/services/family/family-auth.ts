import { createHash, randomBytes } from 'node:crypto';
import { UnauthorizedError } from '../../errors.ts';
import type { CredentialKind, CredentialStore } from '../../stores/credential.store.ts';

/** Who is asking, read from the credential only: never from the URL. */
export type FamilyAuth = { householdId: string; deviceId: string; via: 'box' | 'phone' };

/** One way of turning a bearer token into a household: stored box credentials, signed phone links… */
export interface CredentialResolver {
  resolve(token: string): Promise<FamilyAuth | undefined>;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Box credentials: a random 32-byte secret, of which the store keeps only the SHA-256 (a fast hash suffices
 * for a secret this long). `acceptedKinds` is where carrier activation turns `first-start` off later.
 */
export class BoxCredentials implements CredentialResolver {
  constructor(
    private readonly credentials: CredentialStore,
    private readonly acceptedKinds: ReadonlySet<CredentialKind> = new Set(['first-start', 'activated']),
  ) {}

  async issue(householdId: string, deviceId: string, kind: CredentialKind, now: Date): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.credentials.add({
      tokenHash: hashToken(token),
      kind,
      householdId,
      deviceId,
      createdAt: now.toISOString(),
    });
    return token;
  }

  async resolve(token: string): Promise<FamilyAuth | undefined> {
    const record = await this.credentials.byHash(hashToken(token));
    if (!record || record.revokedAt || !this.acceptedKinds.has(record.kind)) return undefined;
    return { householdId: record.householdId, deviceId: record.deviceId, via: 'box' };
  }
}

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]{16,1024})$/;

/** Reads `Authorization: Bearer …` and asks each resolver in turn; nothing matching is a 401. */
export class FamilyAuthenticator {
  constructor(private readonly resolvers: readonly CredentialResolver[]) {}

  async authenticate(header: string | undefined): Promise<FamilyAuth> {
    const token = header ? BEARER.exec(header)?.[1] : undefined;
    if (token) {
      for (const resolver of this.resolvers) {
        const auth = await resolver.resolve(token);
        if (auth) return auth;
      }
    }
    throw new UnauthorizedError('a valid household credential is required');
  }
}
