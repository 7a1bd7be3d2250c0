// One rail of a layout being edited: its kind, title (zh/en), limit or lessons, and the move/remove buttons.
import { For, Show } from 'solid-js';
import { pickText } from '../../shared/i18n/i18n.ts';
import type { LessonSummary } from '../api/catalogue-reads.ts';
import { lt } from './layouts-i18n.ts';
import { removeAt, renameRail, titleOf, type LayoutRail } from './layout-model.ts';

export default function RailEditor(props: {
  rail: LayoutRail;
  index: number;
  count: number;
  canEdit: boolean;
  invalid: boolean;
  lessons: ReadonlyMap<string, LessonSummary>;
  onChange(rail: LayoutRail): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
  onAddLesson(): void;
}) {
  const title = () => (props.rail.kind === 'curated' ? props.rail.title : props.rail.title);
  const rename = (zh: string, en: string) => props.onChange(renameRail(props.rail, titleOf(zh, en)));
  // The TV titles a child's day itself, and each subject rail by its subject.
  const hasOwnTitle = () =>
    props.rail.kind === 'rule' && (props.rail.rule === 'today' || props.rail.rule === 'subjectLessons');
  const label = () =>
    props.rail.kind === 'curated' ? lt('rail.curated') : lt(`rule.${props.rail.rule}` as 'rule.today');
  return (
    <li
      class="layout-rail"
      classList={{ invalid: props.invalid }}
      aria-label={`${props.index + 1}. ${label()}`}
    >
      <div class="layout-rail-head">
        <span class="tag">{label()}</span>
        <Show when={props.canEdit}>
          <span class="row-actions">
            <button type="button" disabled={props.index === 0} onClick={() => props.onMove(-1)}>
              {lt('moveUp')}
            </button>
            <button type="button" disabled={props.index === props.count - 1} onClick={() => props.onMove(1)}>
              {lt('moveDown')}
            </button>
            <button type="button" onClick={() => props.onRemove()}>
              {lt('remove')}
            </button>
          </span>
        </Show>
      </div>
      <Show when={!hasOwnTitle()}>
        <div class="layout-rail-titles">
          <label>
            {lt('titleZh')}
            <input
              value={title()?.zh ?? ''}
              placeholder={props.rail.kind === 'rule' ? lt('titleDefault') : ''}
              disabled={!props.canEdit}
              onChange={(event) => rename(event.currentTarget.value, title()?.en ?? '')}
            />
          </label>
          <label>
            {lt('titleEn')}
            <input
              value={title()?.en ?? ''}
              disabled={!props.canEdit}
              onChange={(event) => rename(title()?.zh ?? '', event.currentTarget.value)}
            />
          </label>
        </div>
      </Show>
      <Show when={props.rail.kind === 'curated' ? props.rail : undefined}>
        {(curated) => (
          <ul class="layout-lessons">
            <For each={curated().lessonIds}>
              {(lessonId, position) => {
                const name = () => {
                  const lesson = props.lessons.get(lessonId);
                  return lesson ? pickText(lesson.title) : lessonId;
                };
                return (
                  <li>
                    {name()}
                    <Show when={props.canEdit}>
                      <button
                        type="button"
                        class="link"
                        aria-label={lt('removeLesson', { title: name() })}
                        onClick={() =>
                          props.onChange({
                            ...curated(),
                            lessonIds: removeAt(curated().lessonIds, position()),
                          })
                        }
                      >
                        ×
                      </button>
                    </Show>
                  </li>
                );
              }}
            </For>
            <Show when={props.canEdit}>
              <li class="layout-lessons-add">
                <button type="button" onClick={() => props.onAddLesson()}>
                  {lt('addLesson')}
                </button>
              </li>
            </Show>
          </ul>
        )}
      </Show>
    </li>
  );
}
