import { For, Show } from 'solid-js';
import type { WeekReport } from '../../shared/api/family-types.ts';
import { pickText, t } from '../../shared/i18n/i18n.ts';

type Props = { report: WeekReport; totalMinutes: number };

/** The week in three numbers, then what comes next and what was completed. */
export default function WeekSummary(props: Props) {
  return (
    <>
      <dl class="stats" data-testid="week-stats">
        <div class="stats__item">
          <dt>{t('family.week.minutes')}</dt>
          <dd data-testid="stat-minutes">{props.totalMinutes}</dd>
        </div>
        <div class="stats__item">
          <dt>{t('family.week.completed')}</dt>
          <dd data-testid="stat-completed">{props.report.completedLessons.length}</dd>
        </div>
        <div class="stats__item">
          <dt>{t('family.week.streak')}</dt>
          <dd data-testid="stat-streak">{props.report.streakDays}</dd>
        </div>
      </dl>
      <h3 class="subheading">{t('family.week.next')}</h3>
      <Show
        when={props.report.nextLessons.length > 0}
        fallback={<p class="muted">{t('family.week.nextNone')}</p>}
      >
        <ul class="lesson-list" data-testid="next-lessons">
          <For each={props.report.nextLessons}>
            {(lesson) => (
              <li>
                <Show when={lesson.subject}>
                  {(subject) => <span class="lesson-list__subject">{pickText(subject().name)}</span>}
                </Show>
                {pickText(lesson.title)}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.report.completedLessons.length > 0}>
        <details class="completed">
          <summary>{t('family.week.completedList')}</summary>
          <ul class="lesson-list">
            <For each={props.report.completedLessons}>{(lesson) => <li>{pickText(lesson.title)}</li>}</For>
          </ul>
        </details>
      </Show>
    </>
  );
}
