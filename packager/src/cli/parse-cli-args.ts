import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultJobsRoot, defaultOutRoot } from '../config/defaults.ts';
import type { JobOptionsInput } from '../config/job-options.schema.ts';
import { InputError } from '../errors.ts';

export type CliCommand =
  | { command: 'package'; jobs: JobOptionsInput[]; concurrency: number }
  | { command: 'jobs'; jobsRoot: string }
  | { command: 'help' };

const OPTIONS = {
  id: { type: 'string' },
  'title-zh': { type: 'string' },
  'title-en': { type: 'string' },
  codecs: { type: 'string' },
  profile: { type: 'string' },
  captions: { type: 'string', multiple: true },
  'audio-track': { type: 'string' },
  'audio-language': { type: 'string' },
  'key-id': { type: 'string' },
  key: { type: 'string' },
  out: { type: 'string' },
  jobs: { type: 'string' },
  api: { type: 'string' },
  token: { type: 'string' },
  concurrency: { type: 'string' },
  'h264-first': { type: 'boolean' },
  'quality-every-frame': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Pure: argv (after the script name) and env to a command; option values are checked by the job schema. */
export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  } catch (error) {
    throw new InputError('config.invalid', { problems: (error as Error).message });
  }
  const { values, positionals } = parsed;
  const [command, ...inputs] = positionals;
  if (values.help || !command || command === 'help') return { command: 'help' };
  if (command === 'jobs') return { command: 'jobs', jobsRoot: values.jobs ?? defaultJobsRoot(env) };
  if (command !== 'package')
    throw new InputError('config.invalid', { problems: `unknown command "${command}"` });
  if (inputs.length === 0)
    throw new InputError('config.invalid', { problems: 'input: at least one input file' });
  if (values.id && inputs.length > 1) {
    throw new InputError('config.invalid', {
      problems: '--id: only with a single input (ids come from file names)',
    });
  }
  const apiBase = values.api ?? env.KETANG_API_BASE;
  const token = values.token ?? env.KETANG_OPERATOR_TOKEN ?? '';
  const shared = {
    ...(values['title-zh']
      ? { title: { zh: values['title-zh'], ...(values['title-en'] ? { en: values['title-en'] } : {}) } }
      : {}),
    ...(values.codecs ? { codecs: values.codecs.split(',').map((c) => c.trim()) } : {}),
    ...(values.profile ? { contentProfile: values.profile } : {}),
    captions: (values.captions ?? []).map(parseCaptionArg),
    ...(values['audio-track'] !== undefined ? { audioTrack: Number(values['audio-track']) } : {}),
    ...(values['audio-language'] ? { audioLanguage: values['audio-language'] } : {}),
    ...(values['key-id'] || values.key
      ? { encryption: { keyId: values['key-id'] ?? '', key: values.key ?? '' } }
      : {}),
    ...(values['h264-first'] ? { h264First: true } : {}),
    ...(values['quality-every-frame'] ? { qualityFrames: 'every' } : {}),
    outRoot: values.out ?? defaultOutRoot(env),
    jobsRoot: values.jobs ?? defaultJobsRoot(env),
    ...(apiBase ? { registration: { apiBase, token } } : {}),
  };
  const jobs = inputs.map((input) => ({
    ...shared,
    input,
    assetId: values.id ?? assetIdFromFile(input),
  })) as JobOptionsInput[];
  return { command: 'package', jobs, concurrency: Math.max(1, Number(values.concurrency ?? 1) || 1) };
}

/** `file.vtt:zh-CN` (language after the last colon). */
function parseCaptionArg(arg: string): { file: string; language: string } {
  const at = arg.lastIndexOf(':');
  if (at <= 0)
    throw new InputError('config.invalid', { problems: `--captions ${arg}: expected FILE.vtt:LANGUAGE` });
  return { file: arg.slice(0, at), language: arg.slice(at + 1) };
}

/** lesson 01.mp4 → lesson-01 */
export function assetIdFromFile(file: string): string {
  const base = path.basename(file, path.extname(file));
  return base.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'asset';
}
