import { pickText, t } from '../i18n/i18n.ts';
import type { PlaybackProblem } from './use-playback.ts';

/** What to tell the family when a lesson does not play: the API's own reason when it gave one. */
export function describeProblem(problem: PlaybackProblem): { title: string; detail: string } {
  const lesson = problem.lesson;
  const detail = pickText(lesson?.title);
  if (problem.kind === 'unreachable')
    return { title: t('message.unreachable'), detail: t('message.unreachableDetail') };
  if (problem.kind === 'unplayable') {
    const reason = lesson && !lesson.playability.playable ? pickText(lesson.playability.reason.message) : '';
    return { title: reason || t('lesson.notPlayable'), detail };
  }
  return { title: t('message.error', { message: problem.detail ?? '' }), detail };
}
