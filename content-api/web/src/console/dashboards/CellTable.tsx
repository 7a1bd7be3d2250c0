// The cells of one answer as a table, the total last; a suppressed cell says so instead of its figures. Not a
// DataTable (a list of records): its rows are headed (`th scope="row"`), a suppressed row is one spanning cell
// and the total closes the body, none of which DataTable's columns express; it shares DataTable's look.
import { For, Show } from 'solid-js';
import '../components/data-table.css';
import type { AnyAnswer, AnyCell, Metric } from './dashboard-view.ts';
import { formatFigure } from './dashboard-view.ts';
import { dt } from './dashboards-i18n.ts';
import type { KeyNamer } from './key-names.ts';

export default function CellTable(props: { answer: AnyAnswer; metrics: readonly Metric[]; names: KeyNamer }) {
  const row = (cell: AnyCell, isTotal: boolean) => (
    <tr classList={{ suppressed: cell.suppressed, total: isTotal }}>
      <th scope="row">{isTotal ? dt('total') : props.names(props.answer.groupBy, cell.key)}</th>
      <Show
        when={!cell.suppressed}
        fallback={
          <td colSpan={props.metrics.length} class="suppressed-note">
            {dt('suppressed')}
          </td>
        }
      >
        <For each={props.metrics}>
          {(metric) => <td>{formatFigure(metric, (cell as Record<string, unknown>)[metric])}</td>}
        </For>
      </Show>
    </tr>
  );
  return (
    <table class="data-table dashboard-table" data-testid="dashboard-table">
      <thead>
        <tr>
          <th scope="col">{dt('key')}</th>
          <For each={props.metrics}>{(metric) => <th scope="col">{dt(`metric.${metric}`)}</th>}</For>
        </tr>
      </thead>
      <tbody>
        <For each={props.answer.cells}>{(cell) => row(cell, false)}</For>
        {row(props.answer.total, true)}
      </tbody>
    </table>
  );
}
