// A dialog that searches the catalogue for the channel's grade and hands back the chosen lesson. Keyboard:
// type, ↓/↑ through the results, Enter chooses, Esc closes (Kobalte's dialog keeps focus inside).
import { Dialog } from '@kobalte/core/dialog';
import { createResource, createSignal, For, Show } from 'solid-js';
import { pickText, t } from '../../shared/i18n/i18n.ts';
import { findLessons, type LessonSummary } from '../api/catalogue-reads.ts';
import { errorText } from '../api/error-text.ts';
import { region } from '../region.ts';

export default function LessonPicker(props: {
  gradeId: string;
  when: string;
  onPick(lesson: LessonSummary): void;
  onClose(): void;
}) {
  const [words, setWords] = createSignal('');
  const [active, setActive] = createSignal(0);
  const [lessons] = createResource(
    () => ({ region: region(), grade: props.gradeId, words: words() }),
    (query) => findLessons(query.region, query.grade, query.words),
  );
  const results = () => lessons.latest ?? [];
  const choose = (index: number) => {
    const lesson = results()[index];
    if (lesson) props.onPick(lesson);
  };

  function onKeyDown(event: KeyboardEvent) {
    const last = results().length - 1;
    if (event.key === 'ArrowDown') setActive((index) => Math.min(index + 1, last));
    else if (event.key === 'ArrowUp') setActive((index) => Math.max(index - 1, 0));
    else if (event.key === 'Enter') choose(active());
    else return;
    event.preventDefault();
  }

  return (
    <Dialog open onOpenChange={(isOpen) => !isOpen && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay class="dialog-overlay" />
        <Dialog.Content class="dialog lesson-picker" onKeyDown={onKeyDown}>
          <Dialog.Title class="dialog-title">{t('console.picker.title', { when: props.when })}</Dialog.Title>
          <input
            class="picker-search"
            type="search"
            aria-label={t('console.picker.search')}
            placeholder={t('console.picker.search')}
            value={words()}
            onInput={(event) => {
              setWords(event.currentTarget.value);
              setActive(0);
            }}
          />
          <Show when={lessons.error}>
            <p class="error">{errorText(lessons.error)}</p>
          </Show>
          <Show when={!lessons.loading && results().length === 0}>
            <p class="empty">{t('console.picker.none')}</p>
          </Show>
          <ul class="picker-results" role="listbox" aria-label={t('console.picker.results')}>
            <For each={results()}>
              {(lesson, index) => (
                <li
                  role="option"
                  aria-selected={index() === active()}
                  classList={{ active: index() === active() }}
                  onMouseEnter={() => setActive(index())}
                  onClick={() => choose(index())}
                >
                  <span>{pickText(lesson.title)}</span>
                  <span class="muted">
                    {lesson.subject ? pickText(lesson.subject.name) : ''} ·{' '}
                    {t('console.picker.minutes', { minutes: Math.ceil(lesson.durationSeconds / 60) })}
                    {lesson.playable ? '' : ` · ${t('console.picker.notPlayable')}`}
                  </span>
                </li>
              )}
            </For>
          </ul>
          <Dialog.CloseButton class="dialog-close">{t('console.cancel')}</Dialog.CloseButton>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog>
  );
}
