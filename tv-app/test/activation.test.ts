// When the box swaps its activated credential for a new one (docs/activation.md: 90 days, rotated with 30 left).
import { describe, expect, it } from 'vitest';
import { isRotationDue } from '../src/api/providers/activation.provider.ts';
import { boxRegion, writeCredential } from '../src/state/credential.ts';

const DAY = 86_400_000;
const now = Date.parse('2026-12-06T00:00:00Z');
const credential = (expiresInDays?: number) => ({
  token: 't',
  householdId: 'h',
  deviceId: 'd',
  ...(expiresInDays === undefined ? {} : { expiresAt: new Date(now + expiresInDays * DAY).toISOString() }),
});

describe('credential rotation', () => {
  it('rotates an activated credential with 30 days or less left, not before, and never a first-start one', () => {
    expect(isRotationDue(credential(90), now)).toBe(false);
    expect(isRotationDue(credential(31), now)).toBe(false);
    expect(isRotationDue(credential(30), now)).toBe(true);
    expect(isRotationDue(credential(1), now)).toBe(true);
    expect(isRotationDue(credential(), now)).toBe(false);
    expect(isRotationDue(null, now)).toBe(false);
  });
});

describe('box region', () => {
  it("reads the activated household's region, else the carrier's", () => {
    // The box's localStorage, as the browser keeps it (tests run in node).
    const stored = new Map<string, string>();
    Object.assign(globalThis, {
      localStorage: { getItem: (key: string) => stored.get(key) ?? null, setItem: stored.set.bind(stored) },
    });
    expect(boxRegion('gd')).toBe('gd');
    writeCredential({ ...credential(90), region: 'jx' });
    expect(boxRegion('gd')).toBe('jx');
    writeCredential(credential());
    expect(boxRegion(undefined)).toBeUndefined();
    Reflect.deleteProperty(globalThis, 'localStorage');
  });
});
