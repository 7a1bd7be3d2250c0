// Reads the device-API fixtures (docs/device-api.md shapes) for the unit tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8')) as T;
}
