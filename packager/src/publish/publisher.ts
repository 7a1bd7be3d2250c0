/** Publishes a complete staged asset directory; local disk today, an object store later (docs/packager.md). */
export interface Publisher {
  /** Makes `stagingDir`'s content visible as the asset `assetId`, all at once, manifests last. */
  publish(stagingDir: string, assetId: string): Promise<string>;
}
