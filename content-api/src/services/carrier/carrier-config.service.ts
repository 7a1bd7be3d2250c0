import { createHash } from 'node:crypto';
import type { CarrierConfig, CarrierConfigRecord, CarrierList } from '@ketang/contract';
import { ConflictError, InvalidRequestError, NotFoundError } from '../../errors.ts';
import type { AuditStore } from '../../stores/audit.store.ts';
import type { CarrierConfigStore } from '../../stores/carrier-config.store.ts';
import { requireAbility, type Principal } from '../auth.service.ts';

/** A strong ETag of a configuration's content: it changes exactly when a new version is published. */
function etagOf(config: CarrierConfig): string {
  return `"c-${createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 32)}"`;
}

/**
 * Carriers' configurations published through the API: admins publish (every version kept, audited), boxes
 * read the newest, and CORS on /v1 allows the origins the newest versions name (`endpoints.appOrigins`).
 */
export class CarrierConfigService {
  private origins: Promise<{ app: ReadonlySet<string>; cdn: ReadonlySet<string> }> | undefined;

  constructor(private readonly stores: { carrierConfigs: CarrierConfigStore; audit: AuditStore }) {}

  async publish(by: Principal, carrier: string, config: CarrierConfig): Promise<CarrierConfigRecord> {
    requireAbility(by, 'configure');
    if (config.carrier.id !== carrier) {
      throw new InvalidRequestError('invalid body: body.carrier.id', [
        { path: 'body.carrier.id', message: `expected "${carrier}", the carrier in the path` },
      ]);
    }
    const { $schema: _editorHint, ...stored } = config;
    const etag = etagOf(stored);
    const same = await this.stores.carrierConfigs.version(carrier, stored.version);
    if (same) {
      if (same.etag === etag) return same; // publishing the same document again changes nothing
      throw new ConflictError(`version ${stored.version} of "${carrier}" is published with other content`, [
        { path: 'body.version', message: 'already published; raise the version' },
      ]);
    }
    const before = await this.stores.carrierConfigs.latest(carrier);
    const record: CarrierConfigRecord = {
      carrier,
      seq: (before?.seq ?? 0) + 1,
      version: stored.version,
      etag,
      publishedAt: new Date().toISOString(),
      publishedBy: by.actor,
      config: stored,
    };
    await this.stores.carrierConfigs.add(record);
    this.origins = undefined;
    await this.stores.audit.add({
      actor: by.actor,
      action: 'carrier.config',
      target: `carrier:${carrier}`,
      ...(stored.region ? { region: stored.region } : {}),
      before: before ? { version: before.version, seq: before.seq } : undefined,
      after: { version: record.version, seq: record.seq },
    });
    return record;
  }

  /** The newest version, for boxes. */
  async current(carrier: string): Promise<CarrierConfigRecord> {
    const record = await this.stores.carrierConfigs.latest(carrier);
    if (!record) throw new NotFoundError('carrier configuration', carrier);
    return record;
  }

  /** Every operator who reads schedules lists them: the console's carrier picker (channels, releases) needs it. */
  async list(by: Principal): Promise<CarrierList> {
    requireAbility(by, 'readSchedule');
    const all = await this.stores.carrierConfigs.all();
    const items: CarrierList['items'] = [];
    for (const record of all) {
      const listed = items.find((item) => item.id === record.carrier);
      if (listed) listed.versions += 1;
      else items.push(this.listed(record));
    }
    return { items };
  }

  /** The origins the carriers' newest configurations serve the app from; cached until the next publish. */
  async appOrigins(): Promise<ReadonlySet<string>> {
    return (await this.originsOfNewest()).app;
  }

  /**
   * The origins of the CDNs the newest configurations name (`endpoints.cdnBase`, per-region ones included):
   * the TV page's CSP lets pictures load from them.
   */
  async cdnOrigins(): Promise<ReadonlySet<string>> {
    return (await this.originsOfNewest()).cdn;
  }

  private originsOfNewest(): Promise<{ app: ReadonlySet<string>; cdn: ReadonlySet<string> }> {
    this.origins ??= this.stores.carrierConfigs.all().then((all) => {
      const newest = new Map<string, CarrierConfigRecord>();
      for (const record of all) if (!newest.has(record.carrier)) newest.set(record.carrier, record);
      const configs = [...newest.values()].map((record) => record.config);
      const cdnBases = configs.flatMap((config) => [
        config.endpoints.cdnBase,
        ...Object.values(config.regions ?? {}).map((region) => region.endpoints?.cdnBase),
      ]);
      return {
        app: new Set(configs.flatMap((config) => config.endpoints.appOrigins)),
        cdn: new Set(cdnBases.filter((base) => base !== undefined).map((base) => new URL(base).origin)),
      };
    });
    this.origins.catch(() => (this.origins = undefined));
    return this.origins;
  }

  private listed(record: CarrierConfigRecord): CarrierList['items'][number] {
    return {
      id: record.carrier,
      name: record.config.carrier.name,
      version: record.version,
      publishedAt: record.publishedAt,
      versions: 1,
      appOrigins: record.config.endpoints.appOrigins,
    };
  }
}
