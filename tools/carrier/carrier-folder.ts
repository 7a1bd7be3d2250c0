// A carrier folder (carriers/<id>/: carrier.json and its logos), read and checked: the schema's problems plus
// what only the folder can tell (the logo files exist and are PNG or SVG, the id matches the folder).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCarrierConfig, type CarrierConfig, type CarrierConfigProblem } from '@ketang/contract';

export type CarrierFolder = { dir: string; config: CarrierConfig; logos: string[] };

export class CarrierConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: CarrierConfigProblem[],
  ) {
    super(`${file}:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function logoProblem(dir: string, file: string): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(dir, file));
  } catch {
    return `file ${file} is missing beside carrier.json`;
  }
  if (file.endsWith('.png'))
    return bytes.subarray(0, 8).equals(PNG_SIGNATURE) ? undefined : `${file} is not a PNG`;
  return /<svg[\s>]/.test(bytes.toString('utf8', 0, 4096)) ? undefined : `${file} is not an SVG`;
}

/** The folder of a carrier id under `root`, or a folder path as given. */
export function carrierDir(root: string, idOrDir: string): string {
  return idOrDir.includes('/') ? path.resolve(idOrDir) : path.join(root, idOrDir);
}

/** Reads and checks a carrier folder; throws CarrierConfigError listing every problem by field path. */
export async function readCarrierFolder(dir: string): Promise<CarrierFolder> {
  const file = path.join(dir, 'carrier.json');
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new CarrierConfigError(file, [{ path: '(document)', message: (error as Error).message }]);
  }
  const parsed = parseCarrierConfig(raw);
  if (!parsed.ok) throw new CarrierConfigError(file, parsed.problems);
  const { config } = parsed;
  const problems: CarrierConfigProblem[] = [];
  if (config.carrier.id !== path.basename(dir)) {
    problems.push({ path: 'carrier.id', message: `expected "${path.basename(dir)}", the folder's name` });
  }
  const logos = [
    ...new Set([config.branding.logo, config.branding.bootScreen.logo].filter((f) => f !== undefined)),
  ];
  for (const [at, logo] of [
    ['branding.logo', config.branding.logo],
    ['branding.bootScreen.logo', config.branding.bootScreen.logo],
  ] as const) {
    const problem = logo === undefined ? undefined : await logoProblem(dir, logo);
    if (problem) problems.push({ path: at, message: problem });
  }
  if (problems.length > 0) throw new CarrierConfigError(file, problems);
  return { dir, config, logos };
}
