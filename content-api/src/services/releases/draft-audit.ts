import type { AuditStore } from '../../stores/audit.store.ts';
import type { Principal } from '../auth.service.ts';
import { scopeKey, type Scope } from './scope.ts';

/**
 * A change to a scope's draft in the audit log: `<kind>:<region>|<carrier>|<id>` names what changed (a channel,
 * a stage's layout), with what it was and what it became (absent when created or removed).
 */
export async function auditDraftChange(
  audit: AuditStore,
  principal: Principal,
  change: {
    action: string;
    scope: Scope;
    kind: 'channel' | 'layout';
    id: string;
    before: unknown;
    after: unknown;
  },
): Promise<void> {
  const { action, scope, kind, id, before, after } = change;
  await audit.add({
    actor: principal.actor,
    action,
    target: `${kind}:${scopeKey(scope)}|${id}`,
    region: scope.region,
    ...(before !== undefined ? { before } : {}),
    ...(after !== undefined ? { after } : {}),
  });
}
