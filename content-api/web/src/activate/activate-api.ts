// The activation routes the phone page uses (docs/activation.md): the regions on offer and the bind, with the
// parent's phone link as the bearer token when they add a box to their own household.
import { requestJson } from '../shared/api/http.ts';
import { normalizeCode } from './activation-code.ts';

export type Bound = { householdId: string; deviceId: string; region?: string };
export type NewHousehold = { region: string; county?: string };

export const fetchRegions = () => requestJson<{ items: { id: string }[] }>('/v1/activations/regions');

export function bindCode(code: string, target: { phoneLink: string } | { newHousehold: NewHousehold }) {
  const path = `/v1/activations/${encodeURIComponent(normalizeCode(code))}/bind`;
  return 'phoneLink' in target
    ? requestJson<Bound>(path, { method: 'POST', body: {}, token: target.phoneLink })
    : requestJson<Bound>(path, { method: 'POST', body: { newHousehold: target.newHousehold } });
}
