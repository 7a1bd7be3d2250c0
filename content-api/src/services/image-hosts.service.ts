import type { AuditStore } from '../stores/audit.store.ts';
import type { ImageSettingsStore } from '../stores/image-settings.store.ts';
import { requireAbility, type Principal } from './auth.service.ts';
import type { RevisionTracker } from './revision-tracker.ts';

/**
 * The hosts pictures may be fetched from: an operator setting, audited. A change bumps the catalogue revision,
 * because which picture a lesson links to (upstream or generated cover) depends on it.
 */
export class ImageHostsService {
  constructor(
    private readonly settings: ImageSettingsStore,
    private readonly audit: AuditStore,
    private readonly revisions: RevisionTracker,
    private readonly published: () => Promise<unknown> = async () => undefined,
  ) {}

  async get(by: Principal): Promise<{ hosts: string[] }> {
    requireAbility(by, 'readCatalogue');
    return { hosts: (await this.settings.read()).allowedHosts };
  }

  async set(by: Principal, hosts: string[]): Promise<{ hosts: string[] }> {
    requireAbility(by, 'configure');
    const before = (await this.settings.read()).allowedHosts;
    const after = [...new Set(hosts)].sort();
    await this.settings.putAllowedHosts(after);
    await this.audit.add({
      actor: by.actor,
      action: 'images.hosts',
      target: 'images:hosts',
      before: { hosts: before },
      after: { hosts: after },
    });
    await this.revisions.bump();
    await this.published();
    return { hosts: after };
  }
}
