// The packager's step names (`plan`, `encode:h264`, `encode:h264 + encode:av1`, `publish:all`…) in words.
import { t, type MessageKey } from '../../shared/i18n/i18n.ts';

const STEPS = ['queued', 'plan', 'encode', 'analyse', 'publish', 'done'] as const;
type Step = (typeof STEPS)[number];

const FAMILY_NAMES: Record<string, string> = {
  h264: 'H.264',
  hevc: 'HEVC',
  av1: 'AV1',
  audio: 'AAC',
  all: '',
};

/** One step in words; an unknown step (a newer packager) is shown as the packager names it. */
function stepText(step: string): string {
  const [name, arg] = step.split(':') as [string, string | undefined];
  if (!(STEPS as readonly string[]).includes(name)) return step;
  const what = arg === undefined ? '' : (FAMILY_NAMES[arg] ?? arg);
  return t(`console.packaging.stage.${name as Step}` as MessageKey, { what }).trim();
}

export function stageText(stage: string): string {
  return stage
    .split(' + ')
    .map((step) => stepText(step.trim()))
    .join(' + ');
}
