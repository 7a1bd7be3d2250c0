// Runs Schemathesis (installed by tools/schemathesis/install.sh into .tools/schemathesis) against a running
// API, with the bearer tokens of its security schemes, and reports what it found.
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SCHEMATHESIS = path.join(repoRoot, '.tools/schemathesis/bin/st');

export type FuzzOptions = {
  /** The API's origin, e.g. http://127.0.0.1:1234. */
  url: string;
  /** Bearer tokens by security scheme (components.securitySchemes). */
  bearers: Record<string, string>;
  /** Values for path, query or body parameters by name (e.g. an existing profile id). */
  parameters?: Record<string, string>;
  /** The whole run's time budget; fuzzing and the stateful phase repeat until it is spent. */
  maxSeconds: number;
  /** Checks left out on one operation, each with the reason the document cannot state what decides it. */
  exceptions?: FuzzException[];
  /** Where the config file and the JUnit report go. */
  workDir: string;
  seed?: number;
};

/** Checks turned off for one operation; `checks: 'all'` leaves the operation out of the run altogether. */
export type FuzzException = { method: string; path: string; checks: string[] | 'all'; reason: string };

export type FuzzResult = { exitCode: number | null; output: string; seconds: number };

/** Fails with the way to install it, never skips: `npm test` must fuzz. */
export function requireSchemathesis(): string {
  if (!existsSync(SCHEMATHESIS)) {
    throw new Error(
      `Schemathesis is not installed (${SCHEMATHESIS} is missing). Install it with ` +
        '`bash tools/schemathesis/install.sh` (or `bash tools/setup/setup.sh --test`), then run the test again.',
    );
  }
  return SCHEMATHESIS;
}

const toml = (value: string) => JSON.stringify(value);

/**
 * The run's configuration: every check, positive and negative data, the coverage, fuzzing and stateful phases.
 * A request the HTTP server itself refuses for its size (413, 431) counts as rejected, like a 400.
 */
export function fuzzConfig(options: FuzzOptions): string {
  const lines = [
    `max-time = ${options.maxSeconds}`,
    // Generous: on a loaded CI machine a slow answer is not a finding (the handler deadline is 30 s).
    'request-timeout = 30',
    // Hypothesis's "too slow" health check measures this machine's load, not the API: off.
    'suppress-health-check = ["too_slow"]',
    ...(options.seed === undefined ? [] : [`seed = ${options.seed}`]),
    '',
    '[generation]',
    'mode = "all"',
    'max-examples = 25',
    '',
    '[checks]',
    'enabled = true',
    '',
    '[checks.negative_data_rejection]',
    'expected-statuses = [400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 428, 429, 431]',
    '',
    '[phases.examples]',
    'enabled = true',
    '[phases.coverage]',
    'enabled = true',
    '[phases.fuzzing]',
    'enabled = true',
    '[phases.stateful]',
    'enabled = true',
    '',
  ];
  for (const [scheme, token] of Object.entries(options.bearers)) {
    lines.push(`[auth.openapi.${scheme}]`, `bearer = ${toml(token)}`, '');
  }
  for (const exception of options.exceptions ?? []) {
    lines.push(
      `# ${exception.reason}`,
      '[[operations]]',
      `include-method = ${toml(exception.method)}`,
      `include-path = ${toml(exception.path)}`,
      ...(exception.checks === 'all'
        ? ['enabled = false']
        : exception.checks.map((check) => `checks.${check}.enabled = false`)),
      '',
    );
  }
  if (options.parameters) {
    lines.push('[parameters]');
    for (const [name, value] of Object.entries(options.parameters))
      lines.push(`${toml(name)} = ${toml(value)}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Runs `st run` over the API's /v1/openapi.json; exit code 0 means no failure and no error. */
export async function runSchemathesis(options: FuzzOptions): Promise<FuzzResult> {
  const st = requireSchemathesis();
  const configFile = path.join(options.workDir, 'schemathesis.toml');
  writeFileSync(configFile, fuzzConfig(options));
  const started = performance.now();
  const child = spawn(
    st,
    [
      '--config-file',
      configFile,
      'run',
      `${options.url}/v1/openapi.json`,
      // One worker: Hypothesis's lambda descriptions are not thread-safe on CPython 3.11 ("AST constructor
      // recursion depth mismatch" runtime errors with two).
      '--workers',
      '1',
      '--no-color',
      '--output-truncate',
      'true',
      '--report',
      'junit',
      '--report-dir',
      options.workDir,
    ],
    { cwd: options.workDir, env: { ...process.env, SCHEMATHESIS_HOOKS: '' } },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exitCode = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { exitCode, output, seconds: (performance.now() - started) / 1000 };
}
