import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { CredentialResolver, FamilyAuth } from './family-auth.ts';

const PREFIX = 'pl';
export const PHONE_LINK_TTL_SECONDS = 30 * 60;
const PayloadSchema = z.object({ h: z.string(), d: z.string(), exp: z.number() });

/**
 * Short-lived phone links: `pl.<payload>.<HMAC-SHA-256>` (base64url), bound to a household, stateless. Holding
 * one is the parent's proof; it expires after 30 minutes.
 */
export class PhoneLinks implements CredentialResolver {
  constructor(
    private readonly secret: () => Promise<string>,
    private readonly clock: () => Date,
  ) {}

  async mint(householdId: string, deviceId: string): Promise<{ token: string; expiresAt: string }> {
    const exp = Math.floor(this.clock().getTime() / 1000) + PHONE_LINK_TTL_SECONDS;
    const payload = Buffer.from(JSON.stringify({ h: householdId, d: deviceId, exp })).toString('base64url');
    const signature = await this.sign(payload);
    return { token: `${PREFIX}.${payload}.${signature}`, expiresAt: new Date(exp * 1000).toISOString() };
  }

  async resolve(token: string): Promise<FamilyAuth | undefined> {
    const [prefix, payload, signature, ...rest] = token.split('.');
    if (prefix !== PREFIX || !payload || !signature || rest.length > 0) return undefined;
    const expected = Buffer.from(await this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    const parsed = PayloadSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    if (!parsed.success || parsed.data.exp * 1000 <= this.clock().getTime()) return undefined;
    return { householdId: parsed.data.h, deviceId: parsed.data.d, via: 'phone' };
  }

  private async sign(payload: string): Promise<string> {
    return createHmac('sha256', await this.secret())
      .update(payload)
      .digest('base64url');
  }
}
