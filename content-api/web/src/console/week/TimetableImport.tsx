// Import a timetable file (CSV or Excel): a dry run first lists every problem by row and column and changes
// nothing; only a clean file can be applied.
import { createSignal, For, Show } from 'solid-js';
import { t } from '../../shared/i18n/i18n.ts';
import { ApiError } from '../../shared/api/http.ts';
import { errorText } from '../api/error-text.ts';
import { scheduleApi } from '../api/schedule-api.ts';
import type { ImportProblem } from '../api/schedule-types.ts';
import { region } from '../region.ts';

function problemsOf(error: unknown): ImportProblem[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return error.details.filter(
    (detail): detail is ImportProblem => typeof detail === 'object' && detail !== null && 'row' in detail,
  );
}

export default function TimetableImport(props: { channelId: string; onImported(): void }) {
  const [file, setFile] = createSignal<File | null>(null);
  const [isChecked, setChecked] = createSignal(false);
  const [problems, setProblems] = createSignal<ImportProblem[]>([]);
  const [message, setMessage] = createSignal<{ kind: 'ok' | 'error'; text: string } | null>(null);

  async function run(isDryRun: boolean) {
    const chosen = file();
    if (!chosen) return;
    setProblems([]);
    setMessage(null);
    try {
      await scheduleApi.importTimetable(region(), props.channelId, chosen, isDryRun);
      setChecked(isDryRun);
      setMessage({ kind: 'ok', text: isDryRun ? t('console.import.clean') : t('console.import.applied') });
      if (!isDryRun) props.onImported();
    } catch (failure) {
      setChecked(false);
      setProblems(problemsOf(failure));
      setMessage({ kind: 'error', text: errorText(failure) });
    }
  }

  return (
    <section class="card import-panel" aria-labelledby="import-title">
      <h2 id="import-title">{t('console.import.title')}</h2>
      <p class="muted">{t('console.import.help')}</p>
      <div class="form-actions">
        <input
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={t('console.import.file')}
          onChange={(event) => {
            setFile(event.currentTarget.files?.[0] ?? null);
            setChecked(false);
          }}
        />
        <button type="button" disabled={!file()} onClick={() => void run(true)}>
          {t('console.import.check')}
        </button>
        <button type="button" class="primary" disabled={!isChecked()} onClick={() => void run(false)}>
          {t('console.import.apply')}
        </button>
      </div>
      <Show when={message()}>
        {(current) => (
          <p class={current().kind === 'ok' ? 'ok' : 'error'} role="status">
            {current().text}
          </p>
        )}
      </Show>
      <Show when={problems().length > 0}>
        <table class="data-table">
          <thead>
            <tr>
              <th>{t('console.import.row')}</th>
              <th>{t('console.import.column')}</th>
              <th>{t('console.import.problem')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={problems()}>
              {(problem) => (
                <tr>
                  <td>{problem.row}</td>
                  <td>{problem.column}</td>
                  <td>{problem.message}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
}
