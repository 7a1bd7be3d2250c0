// The checked-in API types match the document the API serves today: a route or schema change without
// `npm run generate:api -w @ketang/web` fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fetchServedDocument, GENERATED_FILE, renderApiTypes } from './api-types.ts';

describe('the console API types', () => {
  it('are generated from the served OpenAPI document and not stale', async () => {
    const fresh = await renderApiTypes(await fetchServedDocument());
    const checkedIn = readFileSync(GENERATED_FILE, 'utf8');
    expect(checkedIn === fresh, 'openapi.gen.ts is stale: run npm run generate:api -w @ketang/web').toBe(
      true,
    );
    expect(checkedIn).toContain("'/v1/operator/sessions'");
  }, 60_000);
});
