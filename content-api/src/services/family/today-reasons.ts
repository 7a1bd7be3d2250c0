import type { Facet, LocalizedText } from '@ketang/catalog';
import { todayMessage, type TodayMessageKey } from '../../messages/messages.ts';
import type { Weakness } from './subject-plan.ts';
import type { TodayReason } from './today-planner.ts';

const WEAKNESS_MESSAGE: Record<Weakness, TodayMessageKey> = {
  'low-completion': 'weakLowCompletion',
  abandoned: 'weakAbandoned',
  rewound: 'weakRewound',
};

const same = (text: string): LocalizedText => ({ zh: text, en: text });

/** A video position as m:ss, or h:mm:ss from an hour on ("12:05"). */
export function formatPosition(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const [hours, minutes, rest] = [Math.floor(whole / 3600), Math.floor((whole % 3600) / 60), whole % 60];
  const two = (value: number) => String(value).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(rest)}` : `${minutes}:${two(rest)}`;
}

/** The one line a today item shows, in Chinese and English. */
export function todayReasonText(
  reason: TodayReason,
  facets: ReadonlyMap<string, Pick<Facet, 'name'>>,
): LocalizedText {
  const subject = (id: string) => facets.get(id)?.name ?? same(id);
  switch (reason.code) {
    case 'continue':
      return todayMessage('continue', { position: same(formatPosition(reason.positionSeconds)) });
    case 'on-air':
      return todayMessage('onAir');
    case 'catch-up':
      if (reason.daysAgo <= 0) return todayMessage('catchUpToday');
      if (reason.daysAgo === 1) return todayMessage('catchUpYesterday');
      return todayMessage('catchUpDaysAgo', { days: same(String(reason.daysAgo)) });
    case 'this-week':
      return todayMessage('thisWeek', {
        week: same(String(reason.week)),
        subject: subject(reason.subjectId),
      });
    case 'next-in-subject':
      return todayMessage('nextInSubject', { subject: subject(reason.subjectId) });
    case 'weak-subject':
      return todayMessage(WEAKNESS_MESSAGE[reason.weakness], { subject: subject(reason.subjectId) });
  }
}
