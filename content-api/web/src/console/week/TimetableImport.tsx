// Import a timetable file (CSV or Excel): a dry run first lists every problem by row and column and changes
// nothing; only a clean file can be applied.
import { createSignal, Show } from 'solid-js';
import { t } from '../../shared/i18n/i18n.ts';
import { ApiError } from '../../shared/api/http.ts';
import { errorText } from '../api/error-text.ts';
import { scheduleApi } from '../api/schedule-api.ts';
import type { ImportProblem } from '../api/schedule-types.ts';
import { scope } from '../scope.ts';
import DataTable from '../components/DataTable.tsx';

function problemsOf(error: unknown): ImportProblem[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return error.details.filter(
    (detail): detail is ImportProblem => typeof detail === 'object' && detail !== null && 'row' in detail,
  );
}

/** The API's template, fetched with the session's token and saved as a file. */
async function downloadTemplate(channelId: string, format: 'csv' | 'xlsx') {
  const blob = await scheduleApi.template(scope(), channelId, format);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `timetable-${channelId}.${format}`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
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
      const result = await scheduleApi.importTimetable(scope(), props.channelId, chosen, isDryRun);
      setChecked(isDryRun);
      setProblems(result.warnings);
      setMessage({
        kind: 'ok',
        text: t(isDryRun ? 'console.import.clean' : 'console.import.applied', {
          slots: result.slots,
          days: result.days,
          from: result.from,
        }),
      });
      if (!isDryRun) props.onImported();
    } catch (failure) {
      setChecked(false);
      const found = problemsOf(failure);
      setProblems(found);
      const text =
        found.length > 0 ? t('console.import.refused', { count: found.length }) : errorText(failure);
      setMessage({ kind: 'error', text });
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
        <button type="button" class="link" onClick={() => void downloadTemplate(props.channelId, 'xlsx')}>
          {t('console.import.templateXlsx')}
        </button>
        <button type="button" class="link" onClick={() => void downloadTemplate(props.channelId, 'csv')}>
          {t('console.import.templateCsv')}
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
        <DataTable
          rows={problems()}
          columns={[
            {
              header: t('console.import.row'),
              cell: (problem) => (problem.row > 0 ? problem.row : t('timetable.problem.file')),
            },
            {
              header: t('console.import.column'),
              cell: (problem) => (problem.column ? t(`timetable.column.${problem.column}`) : '—'),
            },
            {
              header: t('console.import.problem'),
              cell: (problem) => (
                <>
                  {t(`timetable.problem.${problem.code}`)}
                  <div class="muted">{problem.message}</div>
                </>
              ),
            },
          ]}
        />
      </Show>
    </section>
  );
}
