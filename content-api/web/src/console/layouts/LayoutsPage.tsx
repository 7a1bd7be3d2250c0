// Home layouts of the region and the top bar's carrier: pick a stage, arrange its rails (curated lessons or
// rules), rename, reorder (buttons: keyboard and mouse), remove, save as a draft; beside it the real
// TV app previews the draft.
import { createEffect, createMemo, createResource, createSignal, For, on, Show } from 'solid-js';
import { pickText } from '../../shared/i18n/i18n.ts';
import { gradesOf, loadFacets, type LessonSummary } from '../api/catalogue-reads.ts';
import { detailsOf, errorText } from '../api/error-text.ts';
import { StatusMessage, type Status } from '../components/FormFields.tsx';
import { gradeLabel } from '../grade-label.ts';
import { region } from '../region.ts';
import { can } from '../roles.ts';
import { carrier } from '../route.ts';
import { scope } from '../scope.ts';
import { session } from '../session.ts';
import LessonPicker from '../week/LessonPicker.tsx';
import { layoutsApi } from './layouts-api.ts';
import { lt } from './layouts-i18n.ts';
import {
  addRule,
  moveRail,
  railOfProblem,
  removeAt,
  replaceAt,
  rulesLeft,
  type LayoutRail,
  type LayoutRule,
} from './layout-model.ts';
import RailEditor from './RailEditor.tsx';
import TvPreview from './TvPreview.tsx';
import './layouts.css';

export default function LayoutsPage() {
  const [stage, setStage] = createSignal('all');
  const [facets] = createResource(region, loadFacets);
  const [listed, { refetch }] = createResource(scope, (current) =>
    layoutsApi.list(current.region, current.carrier),
  );
  const [rails, setRails] = createSignal<LayoutRail[]>([]);
  const [hasOwn, setHasOwn] = createSignal(false);
  const [status, setStatus] = createSignal<Status | null>(null);
  const [invalidRails, setInvalidRails] = createSignal<ReadonlySet<number>>(new Set());
  const [picking, setPicking] = createSignal<number | null>(null);
  const [lessons, setLessons] = createSignal<ReadonlyMap<string, LessonSummary>>(new Map());
  const [previewGrade, setPreviewGrade] = createSignal<string>();
  const [previewVersion, setPreviewVersion] = createSignal(0);
  const canEdit = () => can(session()?.role, 'editLayouts');
  const canPreview = () => can(session()?.role, 'preview');
  const [preview] = createResource(
    () => (canPreview() ? scope() : undefined),
    (current) => layoutsApi.previewCode(current.region, current.carrier),
  );

  const stages = createMemo(() => (facets() ?? []).filter((node) => node.kind === 'stage'));
  const grades = createMemo(() => {
    const tree = facets() ?? [];
    const chosen = tree.filter((node) => node.id === stage());
    return gradesOf(chosen.length > 0 ? chosen : tree);
  });
  // The layout of the stage as drafted, else the rails in effect (every stage's, else the built-in).
  createEffect(
    on([listed, stage], ([answer, current]) => {
      if (!answer) return;
      const own = answer.items.find((layout) => layout.stage === current);
      const fallback = answer.items.find((layout) => layout.stage === 'all')?.rails ?? answer.builtIn;
      setHasOwn(Boolean(own));
      setRails(own?.rails ?? fallback);
      setInvalidRails(new Set<number>());
    }),
  );
  createEffect(() => {
    const options = grades();
    if (!options.some((grade) => grade.id === previewGrade())) setPreviewGrade(options[0]?.id);
  });

  async function save() {
    setStatus(null);
    try {
      await layoutsApi.save(region(), carrier(), stage(), rails());
      setStatus({ kind: 'ok', text: lt('saved') });
      setInvalidRails(new Set<number>());
      await refetch();
      setPreviewVersion((version) => version + 1);
    } catch (failure) {
      const problems = detailsOf(failure);
      setInvalidRails(new Set(problems.flatMap((problem) => railOfProblem(problem.path) ?? [])));
      const text = problems.length > 0 ? lt('invalid', { count: problems.length }) : '';
      setStatus({ kind: 'error', text: [text, errorText(failure)].filter(Boolean).join(' ') });
    }
  }

  async function reset() {
    setStatus(null);
    try {
      await layoutsApi.remove(region(), carrier(), stage());
      setStatus({ kind: 'ok', text: lt('resetDone') });
      await refetch();
      setPreviewVersion((version) => version + 1);
    } catch (failure) {
      setStatus({ kind: 'error', text: errorText(failure) });
    }
  }

  const addCurated = () =>
    setRails((current) => [...current, { kind: 'curated', title: { zh: lt('newCurated') }, lessonIds: [] }]);
  const pickLesson = (index: number, lesson: LessonSummary) => {
    const rail = rails()[index];
    if (rail?.kind !== 'curated' || rail.lessonIds.includes(lesson.id)) return;
    setLessons((known) => new Map([...known, [lesson.id, lesson]]));
    setRails((current) => replaceAt(current, index, { ...rail, lessonIds: [...rail.lessonIds, lesson.id] }));
  };

  return (
    <section class="screen layouts-screen">
      <header class="screen-header">
        <h1>{lt('title', { region: region() })}</h1>
      </header>
      <p class="hint">{lt('help')}</p>
      <div class="filters">
        <label>
          {lt('stage')}
          <select name="stage" value={stage()} onChange={(event) => setStage(event.currentTarget.value)}>
            <option value="all">{lt('stage.all')}</option>
            <For each={stages()}>{(node) => <option value={node.id}>{pickText(node.name)}</option>}</For>
          </select>
        </label>
      </div>
      <StatusMessage status={status()} />
      <Show when={listed.error}>
        <p class="error" role="alert">
          {errorText(listed.error)}
        </p>
      </Show>
      <div class="layouts-columns">
        <div class="card">
          <h2>{lt('rails')}</h2>
          <Show when={!hasOwn()}>
            <p class="muted">{lt('builtIn')}</p>
          </Show>
          <Show when={!canEdit()}>
            <p class="notice">{lt('readOnly')}</p>
          </Show>
          <ol class="layout-rails">
            <For each={rails()}>
              {(rail, index) => (
                <RailEditor
                  rail={rail}
                  index={index()}
                  count={rails().length}
                  canEdit={canEdit()}
                  invalid={invalidRails().has(index())}
                  lessons={lessons()}
                  onChange={(next) => setRails((current) => replaceAt(current, index(), next))}
                  onMove={(by) => setRails((current) => moveRail(current, index(), by))}
                  onRemove={() => setRails((current) => removeAt(current, index()))}
                  onAddLesson={() => setPicking(index())}
                />
              )}
            </For>
          </ol>
          <Show when={canEdit()}>
            <div class="form-actions">
              <button type="button" onClick={addCurated}>
                {lt('addCurated')}
              </button>
              <select
                aria-label={lt('addRule')}
                value=""
                onChange={(event) => {
                  const rule = event.currentTarget.value as LayoutRule;
                  if (rule) setRails((current) => addRule(current, rule));
                  event.currentTarget.value = '';
                }}
              >
                <option value="">{lt('addRule')}</option>
                <For each={rulesLeft(rails())}>
                  {(rule) => <option value={rule}>{lt(`rule.${rule}`)}</option>}
                </For>
              </select>
              <button type="button" class="primary" onClick={() => void save()}>
                {lt('save')}
              </button>
              <Show when={hasOwn()}>
                <button type="button" onClick={() => void reset()}>
                  {lt('reset')}
                </button>
              </Show>
            </div>
          </Show>
        </div>
        <div class="card layouts-preview">
          <h2>{lt('preview')}</h2>
          <Show when={canPreview()} fallback={<p class="muted">{lt('noPreview')}</p>}>
            <div class="filters">
              <label>
                {lt('previewGrade')}
                <select
                  name="previewGrade"
                  value={previewGrade() ?? ''}
                  onChange={(event) => setPreviewGrade(event.currentTarget.value)}
                >
                  <For each={grades()}>
                    {(grade) => <option value={grade.id}>{gradeLabel(grade)}</option>}
                  </For>
                </select>
              </label>
              <button type="button" onClick={() => setPreviewVersion((version) => version + 1)}>
                {lt('previewRefresh')}
              </button>
              <Show when={preview()}>
                {(current) => <span class="muted">{lt('previewCode', { code: current().code })}</span>}
              </Show>
            </div>
            <Show when={preview()}>
              {(current) => (
                <TvPreview
                  code={current().code}
                  gradeId={previewGrade()}
                  scope={scope()}
                  version={previewVersion()}
                />
              )}
            </Show>
          </Show>
        </div>
      </div>
      <Show when={picking() !== null ? picking() : undefined}>
        {(index) => (
          <LessonPicker
            gradeId={previewGrade() ?? ''}
            when={lt('pickerWhen')}
            onPick={(lesson) => {
              pickLesson(index(), lesson);
              setPicking(null);
            }}
            onClose={() => setPicking(null)}
          />
        )}
      </Show>
    </section>
  );
}
