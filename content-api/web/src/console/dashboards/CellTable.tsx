// The cells of one answer as a table, the total last; a suppressed cell says so instead of its figures.
import { For, Show } from 'solid-js';
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
    <table class="dashboard-table" data-testid="dashboard-table">
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
