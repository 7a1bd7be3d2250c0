// LessonDetail → what the lesson page shows.
import { pickText, t } from '../../i18n/i18n.ts';
import { wrapCjk } from '../../i18n/wrap-cjk.ts';
import type { LessonDetail, LessonSummary } from '../types.ts';
import { lessonTile, type TileModel } from './tile.formatter.ts';
import { formatClock, formatDuration } from './time.formatter.ts';

export type LessonView = {
  id: string;
  title: string;
  breadcrumb: string;
  facts: string[];
  description: string;
  documents: string;
  isPlayable: boolean;
  /** Why it cannot play, from the API, in the current language. */
  unplayableReason: string;
  related: TileModel[];
  nextLessonId?: string;
  /** On a lesson that cannot play: a neighbouring or related lesson that does, offered instead of Play. */
  alternative?: { id: string; label: string };
};

/** The lesson to offer when this one cannot play: the next one if it plays, else the previous, else a related one. */
export function playableAlternative(lesson: LessonDetail): LessonSummary | undefined {
  return [lesson.next, lesson.previous, ...lesson.related].find((other) => other?.playable === true);
}

export function lessonView(lesson: LessonDetail): LessonView {
  const teachers = lesson.teachers.map((teacher) => teacher.name).join('、');
  const facts = [
    teachers ? t('lesson.teachers', { names: teachers }) : '',
    t('lesson.duration', { duration: formatDuration(lesson.durationSeconds) }),
    lesson.periods.length ? t('lesson.periods', { count: lesson.periods.length }) : '',
  ].filter(Boolean);
  const documents = lesson.documents.map((doc) => pickText(doc.title)).join('、');
  const breadcrumb = [
    lesson.textbook?.title,
    ...lesson.unitPath.map((unit) => unit.title),
    lesson.section?.title,
  ]
    .filter((text) => text !== undefined)
    .map((text) => pickText(text))
    .join(' › ');
  // The API decided what this box plays (`playback`); the TV does not decide again.
  const playability = lesson.playability;
  const isPlayable = lesson.playback !== undefined;
  const alternative = isPlayable ? undefined : playableAlternative(lesson);
  return {
    id: lesson.id,
    title: wrapCjk(pickText(lesson.title)),
    breadcrumb: wrapCjk(breadcrumb),
    facts,
    description: wrapCjk(pickText(lesson.description)),
    documents: wrapCjk(documents ? t('lesson.documents', { names: documents }) : t('lesson.noDocuments')),
    isPlayable,
    unplayableReason: isPlayable
      ? ''
      : wrapCjk((!playability.playable && pickText(playability.reason.message)) || t('lesson.notPlayable')),
    related: lesson.related.map(lessonTile),
    ...(lesson.next ? { nextLessonId: lesson.next.id } : {}),
    ...(alternative
      ? {
          alternative: {
            id: alternative.id,
            label: wrapCjk(t('lesson.playInstead', { title: pickText(alternative.title) })),
          },
        }
      : {}),
  };
}

/** A button that starts the lesson: its label and where playback starts (seconds). */
export type PlayChoice = { label: string; startAt: number };

/**
 * The lesson page's play buttons: with a resume point, 继续播放 0:12 (there) and 从头播放 (from 0); without one,
 * 播放. `resumeSeconds` comes from `resumePosition` (player/resume.ts), which already leaves out finished or
 * barely started lessons, so the page and the player agree on one resume point.
 */
export function playChoices(resumeSeconds: number): PlayChoice[] {
  const at = Math.floor(resumeSeconds);
  if (at <= 0) return [{ label: t('lesson.play'), startAt: 0 }];
  return [
    { label: t('lesson.resume', { position: formatClock(at) }), startAt: at },
    { label: t('lesson.startOver'), startAt: 0 },
  ];
}
