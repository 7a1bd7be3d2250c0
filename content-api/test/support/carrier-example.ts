import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CarrierConfig } from '@ketang/contract';

export const CARRIERS_DIR = path.resolve(import.meta.dirname, '../../../carriers');

/** An example from `carriers/<id>/` as published: without the editor's `$schema` hint (the API refuses `$`-keys). */
export function carrierExample(id: string): CarrierConfig {
  const { $schema: _hint, ...doc } = JSON.parse(
    readFileSync(path.join(CARRIERS_DIR, id, 'carrier.json'), 'utf8'),
  ) as CarrierConfig;
  return doc;
}
