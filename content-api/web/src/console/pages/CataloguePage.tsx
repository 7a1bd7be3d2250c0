// The synced catalogue as the region sees it: browse by stage → grade → subject, search, and per lesson hide,
// approve or rename for this region (curators and admins). Hidden lessons are listed apart, to show again.
// Every change is a draft: the list shows what the region's boxes see now (the published curation), and the
// region's boxes see a change once a release of the region is published (the releases screen lists it).
import { createResource, createSignal, For, Show } from 'solid-js';
import { pickText, t } from '../../shared/i18n/i18n.ts';
import { api, dataOf } from '../api/client.ts';
import { loadFacets, type FacetNode, type LessonSummary } from '../api/catalogue-reads.ts';
import { curationApi, type RuleChange } from '../api/curation-api.ts';
import { errorText } from '../api/error-text.ts';
import DataTable from '../components/DataTable.tsx';
import RegionSettingsPanel from '../components/RegionSettingsPanel.tsx';
import { region } from '../region.ts';
import { can } from '../roles.ts';
import { session } from '../session.ts';

type Facet = { stage?: string; grade?: string; subject?: string };

export default function CataloguePage() {
  const [facet, setFacet] = createSignal<Facet>({});
  const [words, setWords] = createSignal('');
  const [status, setStatus] = createSignal<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [tree] = createResource(region, loadFacets);
  const [state, { refetch: refetchState }] = createResource(region, curationApi.regionState);
  const [lessons, { refetch }] = createResource(
    () => ({ region: region(), facet: facet(), words: words().trim() }),
    async (query): Promise<LessonSummary[]> =>
      query.words
        ? (
            await dataOf(
              api.GET('/v1/search', {
                params: { query: { q: query.words, region: query.region, limit: 50 } },
              }),
            )
          ).lessons
        : (
            await dataOf(
              api.GET('/v1/lessons', {
                params: { query: { region: query.region, limit: 50, ...query.facet } },
              }),
            )
          ).items,
  );
  const canCurate = () => can(session()?.role, 'curate');
  const hiddenRules = () => (state()?.rules ?? []).filter((rule) => rule.kind === 'lesson' && rule.hidden);
  // A hidden lesson is gone from the region's reads; its national title names it in the list.
  const [hiddenTitles] = createResource(
    () => hiddenRules().map((rule) => rule.targetId),
    async (ids) => {
      const entries = await Promise.all(
        ids.map(async (id) => {
          const lesson = await dataOf(api.GET('/v1/lessons/{id}', { params: { path: { id } } })).catch(
            () => null,
          );
          return [id, lesson ? pickText(lesson.title) : id] as const;
        }),
      );
      return new Map(entries);
    },
  );

  async function change(id: string, body: RuleChange, done: string) {
    setStatus(null);
    try {
      await curationApi.setLessonRule(region(), id, body);
      setStatus({ kind: 'ok', text: done });
      void refetch();
      void refetchState();
    } catch (failure) {
      setStatus({ kind: 'error', text: errorText(failure) });
    }
  }

  function rename(lesson: LessonSummary) {
    const title = globalThis.prompt(t('console.catalogue.renamePrompt'), pickText(lesson.title))?.trim();
    if (title)
      void change(
        lesson.id,
        { title: { zh: title, ...(lesson.title.en ? { en: lesson.title.en } : {}) } },
        t('console.catalogue.renamed'),
      );
  }

  return (
    <section class="screen">
      <header class="screen-header">
        <h1>{t('console.catalogue.title', { region: region() })}</h1>
        <input
          type="search"
          class="search"
          aria-label={t('console.catalogue.search')}
          placeholder={t('console.catalogue.search')}
          onChange={(event) => setWords(event.currentTarget.value)}
        />
      </header>
      <p class="draft-note" role="note">
        {t('console.catalogue.draftNote')}
      </p>
      <Show when={status()}>
        {(current) => (
          <p class={current().kind === 'ok' ? 'ok' : 'error'} role="status">
            {current().text}
          </p>
        )}
      </Show>
      <div class="catalogue-layout">
        <nav class="card facet-tree" aria-label={t('console.catalogue.facets')}>
          <button type="button" class="link" onClick={() => setFacet({})}>
            {t('console.catalogue.all')}
          </button>
          <FacetList nodes={tree() ?? []} path={{}} current={facet()} onPick={setFacet} />
        </nav>
        <div>
          <Show when={lessons.error}>
            <p class="error">{errorText(lessons.error)}</p>
          </Show>
          <Show when={lessons.state === 'ready' && lessons()!.length === 0}>
            <p class="empty">{t('console.catalogue.empty')}</p>
          </Show>
          <DataTable
            rows={lessons.latest ?? []}
            columns={[
              { header: t('console.catalogue.lesson'), cell: (lesson) => pickText(lesson.title) },
              {
                header: t('console.catalogue.subject'),
                cell: (lesson) => (lesson.subject ? pickText(lesson.subject.name) : ''),
              },
              {
                header: t('console.catalogue.grade'),
                cell: (lesson) => (lesson.grade ? pickText(lesson.grade.name) : ''),
              },
              { header: t('console.catalogue.playable'), cell: (lesson) => (lesson.playable ? '✓' : '—') },
              ...(canCurate()
                ? [
                    {
                      header: t('console.channels.actions'),
                      class: 'row-actions',
                      cell: (lesson: LessonSummary) => (
                        <>
                          <button
                            type="button"
                            onClick={() =>
                              void change(lesson.id, { hidden: true }, t('console.catalogue.hidden'))
                            }
                          >
                            {t('console.catalogue.hide')}
                          </button>
                          <button
                            type="button"
                            onClick={() =>
                              void change(lesson.id, { approved: true }, t('console.catalogue.approved'))
                            }
                          >
                            {t('console.catalogue.approve')}
                          </button>
                          <button type="button" onClick={() => rename(lesson)}>
                            {t('console.catalogue.rename')}
                          </button>
                        </>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          <Show when={hiddenRules().length > 0}>
            <h2>{t('console.catalogue.hiddenList')}</h2>
            <p class="muted">{t('console.catalogue.hiddenListNote')}</p>
            <ul class="change-list">
              <For each={hiddenRules()}>
                {(rule) => (
                  <li>
                    {rule.title
                      ? pickText(rule.title)
                      : (hiddenTitles.latest?.get(rule.targetId) ?? rule.targetId)}
                    <Show when={canCurate()}>
                      <button
                        type="button"
                        onClick={() =>
                          void change(rule.targetId, { hidden: false }, t('console.catalogue.shown'))
                        }
                      >
                        {t('console.catalogue.show')}
                      </button>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </div>
      </div>
      <Show when={state()}>
        {(current) => (
          <RegionSettingsPanel state={current()} canEdit={canCurate()} onSaved={() => void refetchState()} />
        )}
      </Show>
    </section>
  );
}

function FacetList(props: {
  nodes: readonly FacetNode[];
  path: Facet;
  current: Facet;
  onPick(facet: Facet): void;
}) {
  const visible = () =>
    props.nodes.filter((node) => node.kind === 'stage' || node.kind === 'grade' || node.kind === 'subject');
  return (
    <ul>
      <For each={visible()}>
        {(node) => {
          const facet = (): Facet => ({ ...props.path, [node.kind]: node.id });
          const isCurrent = () => JSON.stringify(facet()) === JSON.stringify(props.current);
          return (
            <li>
              <button
                type="button"
                class="link"
                aria-current={isCurrent() ? 'true' : undefined}
                onClick={() => props.onPick(facet())}
              >
                {pickText(node.name)} <span class="muted">{node.count}</span>
              </button>
              <Show
                when={
                  node.kind !== 'subject' && (isCurrent() || Object.values(props.current).includes(node.id))
                }
              >
                <FacetList
                  nodes={node.children}
                  path={facet()}
                  current={props.current}
                  onPick={props.onPick}
                />
              </Show>
            </li>
          );
        }}
      </For>
    </ul>
  );
}
