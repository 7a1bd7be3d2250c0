import type { CarrierAppVersion, CarrierPackage } from '@ketang/contract';
import { sha256Hex, verifyPackageFiles } from '@ketang/contract/carrier-package';
import semver from 'semver';
import { ConflictError, ForbiddenError, InvalidRequestError, NotFoundError } from '../../errors.ts';
import type { AuditStore } from '../../stores/audit.store.ts';
import type { CarrierConfigStore } from '../../stores/carrier-config.store.ts';
import type { CarrierPackageRecord, CarrierPackageStore } from '../../stores/carrier-package.store.ts';
import { requireAbility, type Principal } from '../auth.service.ts';
import { ArchiveProblem, readPackageArchive } from './package-archive.ts';

/** The largest package the API takes (the TV app, its fonts and logos are a few MB). */
export const MAX_PACKAGE_BYTES = 32 * 1024 * 1024;

export const packageUrl = (carrier: string, version: string) => `/v1/carriers/${carrier}/packages/${version}`;

const refused = (problems: string[]) =>
  new InvalidRequestError(
    `the package is refused: ${problems.join('; ')}`,
    problems.map((message) => ({ path: 'body', message })),
  );

/**
 * Carriers' signed packages, hosted for boxes to update from (docs/carrier.md, "Updates"): stored only once
 * verified with the key the carrier's newest configuration names (`packageKey`), every version kept.
 */
export class CarrierPackageService {
  constructor(
    private readonly stores: {
      carrierConfigs: CarrierConfigStore;
      carrierPackages: CarrierPackageStore;
      audit: AuditStore;
    },
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async upload(by: Principal, carrier: string, version: string, bytes: Uint8Array): Promise<CarrierPackage> {
    requireAbility(by, 'uploadAppPackages'); // an admin, or a carrier's account for its own carrier only
    if (by.role === 'carrier' && by.carrier !== carrier)
      throw new ForbiddenError(`the carrier account "${by.actor}" uploads packages for "${by.carrier}" only`);
    const config = (await this.stores.carrierConfigs.latest(carrier))?.config;
    if (!config) throw new NotFoundError('carrier configuration', carrier);
    if (!config.packageKey)
      throw new ConflictError(
        `carrier "${carrier}" names no packageKey: publish a configuration with the public key its packages are signed with`,
        [{ path: 'packageKey', message: 'missing in the newest configuration' }],
      );
    const files = await readPackageArchive(bytes).catch((error: unknown) => {
      if (error instanceof ArchiveProblem) throw refused([error.message]);
      throw error;
    });
    const verdict = verifyPackageFiles(files, config.packageKey);
    if (!verdict.ok) throw refused(verdict.problems);
    const { manifest } = verdict;
    const named = [
      ...(manifest?.carrier !== carrier
        ? [`manifest.json names carrier "${manifest?.carrier}", not "${carrier}"`]
        : []),
      ...(manifest?.version !== version
        ? [`manifest.json names version ${manifest?.version}, not ${version}`]
        : []),
    ];
    if (named.length) throw refused(named);

    const sha256 = sha256Hex(bytes);
    const stored = await this.stores.carrierPackages.get(carrier, version);
    if (stored) {
      if (stored.sha256 === sha256) return this.withUrl(stored); // the same upload again changes nothing
      throw new ConflictError(`version ${version} of "${carrier}" is stored with other content`, [
        { path: 'version', message: 'already stored; raise the version' },
      ]);
    }
    const record: CarrierPackageRecord = {
      carrier,
      version,
      sha256,
      size: bytes.length,
      uploadedAt: this.clock().toISOString(),
      uploadedBy: by.actor,
    };
    await this.stores.carrierPackages.add(record, bytes);
    await this.stores.audit.add({
      actor: by.actor,
      action: 'carrier.package',
      target: `carrier:${carrier}`,
      after: { version, sha256, size: record.size },
    });
    return this.withUrl(record);
  }

  /** The newest stored package by semantic version, or null. */
  async newest(carrier: string): Promise<CarrierPackage | null> {
    const all = await this.stores.carrierPackages.list(carrier);
    const [top] = all.sort((a, b) => semver.rcompare(a.version, b.version));
    return top ? this.withUrl(top) : null;
  }

  /** A package's record and bytes: `latest` or a version. */
  async download(carrier: string, version: string): Promise<{ record: CarrierPackage; bytes: Buffer }> {
    const record =
      version === 'latest'
        ? await this.newest(carrier)
        : await this.stores.carrierPackages.get(carrier, version);
    const bytes = record ? await this.stores.carrierPackages.bytes(carrier, record.version) : null;
    if (!record || !bytes) throw new NotFoundError('carrier package', `${carrier} ${version}`);
    return { record: this.withUrl(record), bytes };
  }

  /** What boxes should run: the newest package, else the newest configuration's version (nothing to download). */
  async appVersion(carrier: string): Promise<CarrierAppVersion> {
    const newest = await this.newest(carrier);
    if (newest)
      return {
        carrier,
        version: newest.version,
        publishedAt: newest.uploadedAt,
        package: { sha256: newest.sha256, size: newest.size, url: newest.url },
      };
    const config = await this.stores.carrierConfigs.latest(carrier);
    if (!config) throw new NotFoundError('carrier configuration', carrier);
    return { carrier, version: config.version, publishedAt: config.publishedAt };
  }

  private withUrl(record: CarrierPackageRecord): CarrierPackage {
    return { ...record, url: packageUrl(record.carrier, record.version) };
  }
}
