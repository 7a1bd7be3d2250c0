// The audit log (admin): filter by who (the API's `actor`), action and date; each entry's before/after as a
// field-by-field diff.
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { locale, t } from '../../shared/i18n/i18n.ts';
import { api, dataOf } from '../api/client.ts';
import { errorText } from '../api/error-text.ts';
import { diffRows, filterAudit } from '../audit/audit-diff.ts';
import DateField from '../components/DateField.tsx';

const PAGE = 500;

export default function AuditPage() {
  const [actor, setActor] = createSignal('');
  const [action, setAction] = createSignal('');
  const [from, setFrom] = createSignal('');
  const [to, setTo] = createSignal('');
  const [records] = createResource(
    actor,
    async (who) =>
      (
        await dataOf(
          api.GET('/v1/operator/audit', {
            params: { query: { limit: PAGE, ...(who ? { actor: who } : {}) } },
          }),
        )
      ).items,
  );
  const actions = createMemo(() =>
    [...new Set((records.latest ?? []).map((record) => record.action))].sort(),
  );
  const shown = () => filterAudit(records.latest ?? [], { action: action(), from: from(), to: to() });
  const when = (iso: string) => new Date(iso).toLocaleString(locale(), { hour12: false });

  return (
    <section class="screen">
      <header class="screen-header">
        <h1>{t('console.audit.title')}</h1>
      </header>
      <form class="filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          {t('console.audit.who')}
          <input name="actor" value={actor()} onChange={(e) => setActor(e.currentTarget.value.trim())} />
        </label>
        <label>
          {t('console.audit.action')}
          <select name="action" value={action()} onChange={(e) => setAction(e.currentTarget.value)}>
            <option value="">{t('console.audit.anyAction')}</option>
            <For each={actions()}>{(name) => <option value={name}>{name}</option>}</For>
          </select>
        </label>
        <label>
          {t('console.audit.from')}
          <DateField name="from" value={from()} onChange={(day, valid) => valid && setFrom(day)} />
        </label>
        <label>
          {t('console.audit.to')}
          <DateField name="to" value={to()} onChange={(day, valid) => valid && setTo(day)} />
        </label>
      </form>
      <Show when={records.error}>
        <p class="error" role="alert">
          {errorText(records.error)}
        </p>
      </Show>
      <Show when={records.state === 'ready' && shown().length === 0}>
        <p class="empty">{t('console.audit.empty')}</p>
      </Show>
      <ol class="audit-list">
        <For each={shown()}>
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
                <table class="diff-table">
                  <thead>
                    <tr>
                      <th>{t('console.audit.field')}</th>
                      <th>{t('console.audit.before')}</th>
                      <th>{t('console.audit.after')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={diffRows(record.before, record.after)}>
                      {(row) => (
                        <tr>
                          <td>{row.path}</td>
                          <td class="diff-before">{row.before ?? '—'}</td>
                          <td class="diff-after">{row.after ?? '—'}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </Show>
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}
