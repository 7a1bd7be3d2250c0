import type { PackagedAsset } from '@ketang/catalog';
import type { Stores } from '../stores/stores.ts';
import { readOrders, writeLessons } from './catalogue-writer.ts';
import type { RevisionTracker } from './revision-tracker.ts';

/** Packaged assets registered by the packager; lessons that point at one become playable. */
export class AssetService {
  constructor(
    private readonly stores: Stores,
    private readonly revisions: RevisionTracker,
    private readonly published: () => Promise<unknown> = async () => undefined,
  ) {}

  async register(asset: PackagedAsset): Promise<{ asset: PackagedAsset; created: boolean }> {
    const existing = await this.stores.assets.get(asset.id);
    await this.stores.assets.put([asset]);
    const lessons = await this.stores.lessons.withAsset(asset.id);
    if (lessons.length > 0) {
      const orders = await readOrders(this.stores);
      const registered = new Set(
        (await this.stores.assets.getMany(lessons.flatMap(packagedIds))).map((a) => a.id),
      );
      await writeLessons(this.stores, lessons, orders, (id) => registered.has(id));
    }
    await this.revisions.bump();
    await this.published(); // the packager's registration answers once boxes can play the asset
    return { asset, created: !existing };
  }

  async get(id: string): Promise<PackagedAsset | null> {
    return this.stores.assets.get(id);
  }
}

function packagedIds(lesson: { videos: { type: string; assetId?: string }[] }): string[] {
  return lesson.videos.flatMap((source) =>
    source.type === 'packaged' && source.assetId ? [source.assetId] : [],
  );
}
