import { randomBytes, randomUUID } from 'node:crypto';
import type { Heartbeat } from '@ketang/contract';
import { hashToken } from '../../src/services/family/family-auth.ts';
import type { Stores } from '../../src/stores/stores.ts';
import { sendJson } from './api.ts';

/** A box after its first start: its household, credential and device id, and the header to send. */
export type HouseholdBox = {
  householdId: string;
  deviceId: string;
  token: string;
  headers: { authorization: string };
};

export async function newHousehold(base: string, body: Record<string, unknown> = {}): Promise<HouseholdBox> {
  const { status, body: answer } = await sendJson(base, '/v1/households', 'POST', body);
  if (status !== 201) throw new Error(`first start failed: ${status} ${JSON.stringify(answer)}`);
  return {
    householdId: answer.household.id,
    deviceId: answer.deviceId,
    token: answer.token,
    headers: { authorization: `Bearer ${answer.token}` },
  };
}

/** A child's profile (小明, the panda) of `gradeId`, made by a box of the household: its id. */
export async function newChild(
  base: string,
  headers: Record<string, string>,
  gradeId: string,
): Promise<string> {
  const body = { name: '小明', avatar: 'panda', gradeId };
  const { status, body: answer } = await sendJson(base, '/v1/household/profiles', 'POST', body, headers);
  if (status !== 201) throw new Error(`profile: ${status} ${JSON.stringify(answer)}`);
  return answer.id;
}

/** A second box of an existing household (what carrier activation will issue), written to the real store. */
export async function addBox(stores: Stores, householdId: string): Promise<HouseholdBox> {
  const token = randomBytes(32).toString('base64url');
  const deviceId = randomUUID();
  await stores.credentials.add({
    tokenHash: hashToken(token),
    kind: 'activated',
    householdId,
    deviceId,
    createdAt: new Date().toISOString(),
  });
  return { householdId, deviceId, token, headers: { authorization: `Bearer ${token}` } };
}

/** A heartbeat with a fresh id; `at` is the box's clock, which the server never trusts. */
export function heartbeat(profileId: string, lessonId: string, fields: Partial<Heartbeat> = {}): Heartbeat {
  return {
    id: randomUUID(),
    profileId,
    lessonId,
    positionSeconds: 10,
    durationSeconds: 600,
    watchedSeconds: 10,
    reason: 'tick',
    at: '2001-01-01T00:00:00Z',
    ...fields,
  };
}
