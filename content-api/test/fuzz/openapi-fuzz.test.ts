// Schemathesis over the whole API (docs/security.md): the demo catalogue on the embedded store, a box and an
// operator session, then positive and negative requests to every operation of /v1/openapi.json, unexpected
// methods, and its stateful phase chaining them. Any server error or answer the document does not allow fails.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { startServer, type RunningServer } from '../../src/server.ts';
import { getJson, sendJson } from '../support/api.ts';
import { newHousehold } from '../support/family.ts';
import { requireSchemathesis, runSchemathesis, type FuzzException } from '../support/schemathesis.ts';

const ADMIN_PASSWORD = 'fuzz-admin-password-0123';

/**
 * Where a schema-valid request may still be refused (400) for a rule between fields that OpenAPI 3.1 cannot
 * state; each rule is in the operation's description or the field's. Everything else is checked everywhere.
 */
const EXCEPTIONS: FuzzException[] = [
  {
    method: 'GET',
    path: '/v1/images/{key}',
    checks: ['positive_data_acceptance'],
    reason: 'w and h together must be one of the sizes the endpoint makes (400x240, 640x360…)',
  },
  ...['/v1/operator/regions/{region}/settings', '/v1/operator/regions/{region}'].map((path) => ({
    method: 'PUT',
    path,
    checks: ['positive_data_acceptance'],
    reason: 'school terms must end after they start, be in order and not overlap',
  })),
  {
    method: 'PUT',
    path: '/v1/operator/image-hosts',
    checks: ['positive_data_acceptance'],
    reason: 'a host must be a host name or an IP address (ipaddr.js), more than one pattern says',
  },
  {
    method: 'POST',
    path: '/v1/households',
    checks: ['positive_data_acceptance'],
    reason: "timeZone must be a zone the runtime's time zone database knows",
  },
  {
    method: 'POST',
    path: '/v1/household/heartbeats',
    checks: ['ensure_resource_availability'],
    reason:
      'a heartbeat naming an unknown lesson is 404; Schemathesis reads it as the just-created household missing',
  },
  {
    method: 'PATCH',
    path: '/v1/operator/uploads/{id}',
    checks: 'all',
    reason:
      "Schemathesis has no serializer for tus's application/offset+octet-stream; packaging.test.ts sends " +
      'PATCHes (broken off, resumed, over the length, not video) against the real server',
  },
];
/** The run's budget (KETANG_FUZZ_SECONDS to change it): the whole CI stays well under 30 minutes on 2 cores. */
const FUZZ_SECONDS = Number(process.env.KETANG_FUZZ_SECONDS ?? 150);
/**
 * CI fuzzes from a fixed seed so that a red build means a change broke something, not that a new seed found an
 * old flaw; `KETANG_FUZZ_SEED=random` explores (it found two real faults on 2026-12-06), or name another seed.
 */
const FUZZ_SEED =
  process.env.KETANG_FUZZ_SEED === 'random' ? undefined : Number(process.env.KETANG_FUZZ_SEED ?? 20261206);

type FacetNode = { kind: string; id: string; children: FacetNode[] };
const firstOfKind = (nodes: FacetNode[], kind: string): string | undefined =>
  nodes.map((node) => (node.kind === kind ? node.id : firstOfKind(node.children, kind))).find(Boolean);

describe('the API under Schemathesis', () => {
  let api: RunningServer;
  const scratch = mkdtempSync(path.join(tmpdir(), 'ketang-fuzz-'));

  beforeAll(async () => {
    requireSchemathesis();
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      KETANG_DATA_DIR: path.join(scratch, 'store'),
      KETANG_MEDIA_DIR: path.join(scratch, 'media'),
      KETANG_TV_APP_DIR: path.join(scratch, 'no-tv-app'),
      KETANG_WEB_DIR: path.join(scratch, 'no-web'),
      KETANG_ADMIN_PASSWORD: ADMIN_PASSWORD,
      KETANG_OPERATOR_TOKEN: 'fuzz-service-token-0123456789',
      // Room for the fuzzer's writes and first starts; the limits' own answers are tested in hardening.test.ts.
      KETANG_WRITES_PER_MINUTE: '1000000',
      KETANG_HOUSEHOLD_CREATES_PER_HOUR: '1000000',
      LOG_LEVEL: 'silent',
    });
    const logger = pino({ level: 'silent' });
    api = await startServer({
      config,
      logger,
      seed: (stores, services) => loadDemo(stores, services, config, logger),
    });
  }, 180_000);

  afterAll(async () => {
    await api?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it(
    'finds no server error and no answer the document does not allow',
    async () => {
      const session = await sendJson(api.url, '/v1/operator/sessions', 'POST', {
        username: 'admin',
        password: ADMIN_PASSWORD,
      });
      expect(session.status).toBe(201);
      const box = await newHousehold(api.url);
      const gradeId = firstOfKind((await getJson(api.url, '/v1/facets')).body.tree, 'grade');
      const profile = await sendJson(
        api.url,
        '/v1/household/profiles',
        'POST',
        { name: '小明', avatar: 'panda', gradeId },
        box.headers,
      );
      expect(profile.status, JSON.stringify(profile.body)).toBe(201);

      const fuzz = () =>
        runSchemathesis({
          url: api.url,
          bearers: { operator: session.body.token, household: box.token },
          exceptions: EXCEPTIONS,
          maxSeconds: FUZZ_SECONDS,
          seed: FUZZ_SEED,
          workDir: scratch,
        });
      let result = await fuzz();
      // Schemathesis 4.32 sometimes crashes in its own bookkeeping (record_observations); that says nothing of
      // the API, so the run is made once more. A finding is never retried.
      if (result.output.includes('An internal error occurred during the test run')) {
        console.info('schemathesis crashed internally; running it once more');
        result = await fuzz();
      }
      console.info(`schemathesis ran ${result.seconds.toFixed(0)} s, exit ${result.exitCode}`);
      if (process.env.KETANG_FUZZ_LOG) writeFileSync(process.env.KETANG_FUZZ_LOG, result.output);
      expect(result.exitCode, result.output.slice(-20_000)).toBe(0);
    },
    (2 * FUZZ_SECONDS + 150) * 1000,
  );
});
