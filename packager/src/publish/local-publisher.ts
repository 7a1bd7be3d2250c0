import { randomBytes } from 'node:crypto';
import { cp, mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { MANIFEST_FILES } from '../package/layout.ts';
import type { Publisher } from './publisher.ts';

/**
 * Publishes into `<outRoot>/<assetId>/`: copies segments into a hidden temp directory beside it, then the
 * manifests, then swaps it into place with renames. Readers see the old asset or the new one, never a mix.
 */
export class LocalPublisher implements Publisher {
  private readonly outRoot: string;

  constructor(outRoot: string) {
    this.outRoot = outRoot;
  }

  async publish(stagingDir: string, assetId: string): Promise<string> {
    await mkdir(this.outRoot, { recursive: true });
    const target = path.join(this.outRoot, assetId);
    const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
    const temp = path.join(this.outRoot, `.tmp-${assetId}-${suffix}`);
    const old = path.join(this.outRoot, `.old-${assetId}-${suffix}`);
    try {
      await copyManifestsLast(stagingDir, temp);
      await rename(target, old).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { recursive: true, force: true });
      throw error;
    }
    await rm(old, { recursive: true, force: true });
    return target;
  }
}

async function copyManifestsLast(stagingDir: string, temp: string): Promise<void> {
  const manifests = new Set<string>(MANIFEST_FILES);
  await cp(stagingDir, temp, { recursive: true, filter: (source) => !manifests.has(path.basename(source)) });
  for (const name of await readdir(stagingDir)) {
    if (manifests.has(name)) await cp(path.join(stagingDir, name), path.join(temp, name));
  }
}

/** Removes temp directories left by a publisher that was killed mid-copy. */
export async function removeStalePublishDirs(outRoot: string, assetId: string): Promise<void> {
  const entries = await readdir(outRoot).catch(() => [] as string[]);
  for (const name of entries) {
    if (name.startsWith(`.tmp-${assetId}-`) || name.startsWith(`.old-${assetId}-`)) {
      await rm(path.join(outRoot, name), { recursive: true, force: true });
    }
  }
}
