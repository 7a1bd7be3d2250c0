// A finished sync's report (docs/sync.md) as an operator reads it: the totals, then added / changed / retired
// lessons per textbook or section. The API types the report loosely; unknown parts are simply not shown.
import { Show } from 'solid-js';
import { t } from '../../shared/i18n/i18n.ts';
import DataTable from './DataTable.tsx';

type Counts = { added?: number; changed?: number; retired?: number };
type Entry = {
  kind?: string;
  id?: string;
  title?: string;
  outcome?: string;
  lessons?: Counts;
  issues?: number;
};
type Report = {
  totals?: Counts & { lessons?: Counts; errors?: number; warnings?: number };
  entries?: Entry[];
};

const OUTCOMES = ['added', 'changed', 'retired', 'unchanged', 'skipped'] as const;
const outcomeText = (outcome?: string) =>
  OUTCOMES.includes(outcome as (typeof OUTCOMES)[number])
    ? t(`console.sync.outcome.${outcome as (typeof OUTCOMES)[number]}`)
    : (outcome ?? '');

export default function SyncReport(props: { report: Record<string, unknown> }) {
  const report = () => props.report as Report;
  const entries = () => (Array.isArray(report().entries) ? report().entries! : []);
  return (
    <div class="sync-report">
      <Show when={report().totals}>
        {(totals) => (
          <p>
            {t('console.sync.totals', {
              added: totals().lessons?.added ?? 0,
              changed: totals().lessons?.changed ?? 0,
              retired: totals().lessons?.retired ?? 0,
              errors: totals().errors ?? 0,
              warnings: totals().warnings ?? 0,
            })}
          </p>
        )}
      </Show>
      <Show when={entries().length > 0}>
        <DataTable
          rows={entries()}
          columns={[
            { header: t('console.sync.entry'), cell: (entry) => entry.title ?? entry.id },
            {
              header: t('console.sync.outcome'),
              class: 'nowrap',
              cell: (entry) => outcomeText(entry.outcome),
            },
            { header: t('console.sync.added'), cell: (entry) => entry.lessons?.added ?? 0 },
            { header: t('console.sync.changed'), cell: (entry) => entry.lessons?.changed ?? 0 },
            { header: t('console.sync.retired'), cell: (entry) => entry.lessons?.retired ?? 0 },
            { header: t('console.sync.issues'), cell: (entry) => entry.issues ?? 0 },
          ]}
        />
      </Show>
    </div>
  );
}
