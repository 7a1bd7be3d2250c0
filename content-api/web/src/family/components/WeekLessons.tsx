import { For, Show } from 'solid-js';
import type { WeekReport } from '../../shared/api/family-types.ts';
import { pickText, t } from '../../shared/i18n/i18n.ts';

/** What comes next, and (folded) what was completed this week. */
export default function WeekLessons(props: { report: WeekReport }) {
  return (
    <>
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
          <summary>{t('family.week.completedList', { count: props.report.completedLessons.length })}</summary>
          <ul class="lesson-list">
            <For each={props.report.completedLessons}>{(lesson) => <li>{pickText(lesson.title)}</li>}</For>
          </ul>
        </details>
      </Show>
    </>
  );
}
