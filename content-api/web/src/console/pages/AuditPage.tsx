// The audit log (admin): filtered by who, action and date range in the API (`GET /v1/operator/audit`), newest
// first, a page at a time (the answer's `next` cursor fetches older entries); each entry's before/after as a
// field-by-field diff.
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import type { components } from '../../shared/api/openapi.gen.ts';
import { locale, t } from '../../shared/i18n/i18n.ts';
import { api, dataOf } from '../api/client.ts';
import { errorText } from '../api/error-text.ts';
import { diffRows } from '../audit/audit-diff.ts';
import DataTable from '../components/DataTable.tsx';
import DateField from '../components/DateField.tsx';

type AuditPage = components['schemas']['AuditList'];
type Filters = { actor: string; action: string; from: string; to: string };

const PAGE = 100;

function fetchPage(filters: Filters, cursor?: string): Promise<AuditPage> {
  const query = {
    limit: PAGE,
    ...(filters.actor ? { actor: filters.actor } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(cursor ? { cursor } : {}),
  };
  return dataOf(api.GET('/v1/operator/audit', { params: { query } }));
}

export default function AuditPage() {
  const [filters, setFilters] = createSignal<Filters>({ actor: '', action: '', from: '', to: '' });
  /** Older pages fetched with "more", after the first page of the current filters. */
  const [older, setOlder] = createSignal<AuditPage[]>([]);
  const [moreError, setMoreError] = createSignal<unknown>();
  const [isLoadingMore, setLoadingMore] = createSignal(false);
  const [first] = createResource(filters, (current) => fetchPage(current));
  const filter = (key: keyof Filters, value: string) => {
    setOlder([]);
    setMoreError(undefined);
    setFilters({ ...filters(), [key]: value });
  };
  const records = () => [...(first.latest?.items ?? []), ...older().flatMap((page) => page.items)];
  const next = () => (older().length > 0 ? older().at(-1)!.next : first.latest?.next);
  const more = async () => {
    const cursor = next();
    if (!cursor || isLoadingMore()) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await fetchPage(filters(), cursor);
      setOlder([...older(), page]);
    } catch (error) {
      setMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  };
  // The actions met so far (and the one chosen): a filtered answer holds only its own action.
  const known = new Set<string>();
  const actions = createMemo(() => {
    for (const record of records()) known.add(record.action);
    if (filters().action) known.add(filters().action);
    return [...known].sort();
  });
  const when = (iso: string) => new Date(iso).toLocaleString(locale(), { hour12: false });

  return (
    <section class="screen">
      <header class="screen-header">
        <h1>{t('console.audit.title')}</h1>
      </header>
      <form class="filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          {t('console.audit.who')}
          <input
            name="actor"
            value={filters().actor}
            onChange={(e) => filter('actor', e.currentTarget.value.trim())}
          />
        </label>
        <label>
          {t('console.audit.action')}
          <select
            name="action"
            value={filters().action}
            onChange={(e) => filter('action', e.currentTarget.value)}
          >
            <option value="">{t('console.audit.anyAction')}</option>
            <For each={actions()}>{(name) => <option value={name}>{name}</option>}</For>
          </select>
        </label>
        <label>
          {t('console.audit.from')}
          <DateField
            name="from"
            value={filters().from}
            onChange={(day, valid) => valid && filter('from', day)}
          />
        </label>
        <label>
          {t('console.audit.to')}
          <DateField name="to" value={filters().to} onChange={(day, valid) => valid && filter('to', day)} />
        </label>
      </form>
      <Show when={first.error}>
        <p class="error" role="alert">
          {errorText(first.error)}
        </p>
      </Show>
      <Show when={first.state === 'ready' && records().length === 0}>
        <p class="empty">{t('console.audit.empty')}</p>
      </Show>
      <ol class="audit-list">
        <For each={records()}>
          {(record) => (
            <li class="card audit-entry">
              <div class="audit-head">
                <strong>{record.action}</strong>
                <span>{record.target}</span>
                <Show when={record.region}>
                  <span class="tag">{record.region}</span>
                </Show>
                <span class="muted">
                  {record.actor} · {when(record.at)}
                </span>
              </div>
              <Show when={diffRows(record.before, record.after).length > 0}>
                <DataTable
                  class="diff-table"
                  rows={diffRows(record.before, record.after)}
                  columns={[
                    { header: t('console.audit.field'), cell: (row) => row.path },
                    {
                      header: t('console.audit.before'),
                      class: 'diff-before',
                      cell: (row) => row.before ?? '—',
                    },
                    {
                      header: t('console.audit.after'),
                      class: 'diff-after',
                      cell: (row) => row.after ?? '—',
                    },
                  ]}
                />
              </Show>
            </li>
          )}
        </For>
      </ol>
      <Show when={moreError()}>
        <p class="error" role="alert">
          {errorText(moreError())}
        </p>
      </Show>
      <Show when={next()}>
        <button type="button" class="secondary" disabled={isLoadingMore()} onClick={() => void more()}>
          {isLoadingMore() ? t('common.loading') : t('console.audit.more')}
        </button>
      </Show>
    </section>
  );
}
