import { describe, expect, it } from 'vitest';
import { PhoneLinks } from './phone-links.ts';

describe('phone links', () => {
  let now = new Date('2026-03-02T02:00:00Z');
  const links = new PhoneLinks(
    async () => 'a-test-secret-of-enough-length-0123456789',
    () => now,
  );

  it('resolves its own tokens as the phone of the household until they expire', async () => {
    const { token, expiresAt } = await links.mint('h1', 'd1');
    expect(expiresAt).toBe('2026-03-02T02:30:00.000Z');
    expect(await links.resolve(token)).toEqual({ householdId: 'h1', deviceId: 'd1', via: 'phone' });
    now = new Date('2026-03-02T02:30:00Z');
    expect(await links.resolve(token)).toBeUndefined();
  });

  it('refuses tokens signed with another secret, altered, or of another shape', async () => {
    now = new Date('2026-03-02T02:00:00Z');
    const { token } = await links.mint('h1', 'd1');
    const other = await new PhoneLinks(
      async () => 'another-secret-of-enough-length-98765',
      () => now,
    ).mint('h1', 'd1');
    expect(await links.resolve(other.token)).toBeUndefined();
    const [prefix, payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ h: 'h2', d: 'd1', exp: 9e9 })).toString('base64url');
    expect(await links.resolve(`${prefix}.${forged}.${signature}`)).toBeUndefined();
    expect(await links.resolve(`${prefix}.${payload}`)).toBeUndefined();
    expect(await links.resolve('a-plain-box-token-without-dots')).toBeUndefined();
  });
});
