// A stand-in for the family API's parental routes (docs/family.md) inside the fixture server: one household,
// a PIN with 5 tries then 60 s locked, controls, and a usage the test sets. It lets the TV's care screens be
// walked and photographed while the real routes are being built; the real-API suite replaces it.
import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import path from 'node:path';
import { FIXTURES } from './fixture-server.ts';

type Json = Record<string, unknown>;
export type StandInAnswer = [status: number, body: unknown, headers?: Record<string, string>];

const MAX_TRIES = 5;
const LOCK_SECONDS = 60;

export type FamilyStandIn = {
  household: { id: string; timeZone: string; pinSet: boolean; profiles: Json[] };
  /** The usage the box reads; tests replace it to make a break, a spent quota or bedtime. */
  usage: Json;
  /** Whether the stand-in answers this route (else the fixture server's own family answers do). */
  handles(method: string, path: string): boolean;
  answer(
    method: string,
    path: string,
    body: unknown,
    headers: IncomingHttpHeaders,
  ): StandInAnswer | undefined;
};

const ROUTES: [string, RegExp][] = [
  ['GET', /^\/v1\/household$/],
  ['GET', /\/usage$/],
  ['POST', /^\/v1\/household\/pin\/checks$/],
  ['PUT', /^\/v1\/household\/pin$/],
  ['PUT', /\/controls$/],
  ['POST', /\/usage\/extensions$/],
  ['POST', /\/break-skips$/],
];

function error(status: number, code: string, headers?: Record<string, string>): StandInAnswer {
  return [status, { error: { code, message: code } }, headers];
}

export function baseUsage(profileId: string, over: Json = {}): Json {
  return {
    profileId,
    date: new Date().toISOString().slice(0, 10),
    usedSeconds: 0,
    quotaSeconds: null,
    remainingSeconds: null,
    secondsSinceBreak: 0,
    breakDue: false,
    breakEndsAt: null,
    bedtime: false,
    allowed: true,
    serverTime: new Date().toISOString(),
    ...over,
  };
}

export function createFamilyStandIn(): FamilyStandIn {
  // The fixture server's one household and child (tv-app/test/fixtures/household.json), a fresh copy to change.
  const household = JSON.parse(
    readFileSync(path.join(FIXTURES, 'household.json'), 'utf8'),
  ) as FamilyStandIn['household'];
  let pin: string | undefined;
  let wrong = 0;
  let lockedUntil = 0;

  const standIn: FamilyStandIn = {
    household,
    usage: baseUsage(String(household.profiles[0]?.id)),
    handles: (method, path) => ROUTES.some(([m, pattern]) => m === method && pattern.test(path)),
    answer(method, path, body, headers) {
      const given = (headers['x-parental-pin'] as string | undefined) ?? (body as Json | null)?.pin;
      const checkPin = (): StandInAnswer | undefined => {
        if (!pin) return undefined;
        if (Date.now() < lockedUntil) {
          const wait = String(Math.ceil((lockedUntil - Date.now()) / 1000));
          return error(429, 'pin_locked', { 'retry-after': wait });
        }
        if (given === undefined) return error(403, 'pin_required');
        if (given !== pin) {
          wrong += 1;
          if (wrong >= MAX_TRIES) lockedUntil = Date.now() + LOCK_SECONDS * 1000;
          return error(403, 'pin_wrong');
        }
        wrong = 0;
        return undefined;
      };
      const usageNow = () => ({ ...standIn.usage, serverTime: new Date().toISOString() });
      if (method === 'GET' && path === '/v1/household') return [200, standIn.household];
      if (method === 'GET' && path.endsWith('/usage')) return [200, usageNow()];
      if (method === 'POST' && path === '/v1/household/pin/checks') return checkPin() ?? [204, null];
      if (method === 'PUT' && path === '/v1/household/pin') {
        const refused = checkPin();
        if (refused) return refused;
        pin = String((body as Json).pin);
        standIn.household.pinSet = true;
        return [204, null];
      }
      const refused = checkPin();
      if (refused) return refused;
      const profile = standIn.household.profiles.find((p) => path.includes(`/${String(p.id)}/`));
      if (!profile) return undefined;
      if (method === 'PUT' && path.endsWith('/controls')) {
        profile.controls = body;
        return [200, profile];
      }
      if (method === 'POST' && path.endsWith('/usage/extensions')) {
        const extra = Number((body as Json).minutes) * 60;
        const left = Number(standIn.usage.remainingSeconds ?? 0);
        standIn.usage = { ...standIn.usage, remainingSeconds: left + extra, allowed: true };
        return [200, usageNow()];
      }
      if (method === 'POST' && path.endsWith('/break-skips')) {
        standIn.usage = { ...standIn.usage, breakEndsAt: null, secondsSinceBreak: 0, allowed: true };
        return [200, usageNow()];
      }
      return undefined;
    },
  };
  return standIn;
}
