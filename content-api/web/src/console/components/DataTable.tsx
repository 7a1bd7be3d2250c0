// The console's one table of records: columns declared once, rows given, the same markup and classes on every
// screen (`table.data-table`, console.css). For a new screen:
//
//   <DataTable
//     rows={channels() ?? []}
//     empty={t('console.channels.empty')}
//     columns={[
//       { header: t('console.channels.name'), cell: (channel) => pickText(channel.title) },
//       { header: t('console.channels.actions'), class: 'row-actions', cell: (channel) => <button …/> },
//     ]}
//   />
//
// Columns may change with the signals they are built from (a role's column), rows are keyed by identity (Solid's
// <For>), and a cell is any JSX. Sorting, paging and filtering stay with the screen (mostly done by the API).
// Tables with row headers, spanning cells and a total row (the dashboards' CellTable) are not lists of records
// and keep their own markup, with this table's look (`data-table.css`).
import { For, Show, type JSX } from 'solid-js';
import './data-table.css';

export type Column<T> = {
  /** The header, already translated; leave every header out for a table without a header row. */
  header?: JSX.Element;
  /** What the row shows in this column. */
  cell: (row: T) => JSX.Element;
  /** Classes of the column's cells: `nowrap`, `row-actions`, `num`. */
  class?: string;
};

export default function DataTable<T>(props: {
  rows: readonly T[];
  columns: readonly Column<T>[];
  /** Shown instead of the table when there are no rows (the table stays, empty, without it). */
  empty?: JSX.Element;
  /** Extra classes of the table (a screen's own layout). */
  class?: string;
  /** Classes of a row, e.g. `{ current: … }`. */
  rowClass?: (row: T) => Record<string, boolean>;
  /** `data-*` attributes of a row, e.g. `{ state: job.state }` (what tests and styles select rows by). */
  rowData?: (row: T) => Record<string, string>;
}) {
  const dataOf = (row: T) =>
    Object.fromEntries(
      Object.entries(props.rowData?.(row) ?? {}).map(([key, value]) => [`data-${key}`, value]),
    );
  const hasHeader = () => props.columns.some((column) => column.header !== undefined);
  return (
    <Show
      when={props.rows.length > 0 || props.empty === undefined}
      fallback={<p class="empty">{props.empty}</p>}
    >
      <table class={props.class ? `data-table ${props.class}` : 'data-table'}>
        <Show when={hasHeader()}>
          <thead>
            <tr>
              <For each={props.columns}>{(column) => <th>{column.header}</th>}</For>
            </tr>
          </thead>
        </Show>
        <tbody>
          <For each={props.rows}>
            {(row) => (
              <tr classList={props.rowClass?.(row)} {...dataOf(row)}>
                <For each={props.columns}>{(column) => <td class={column.class}>{column.cell(row)}</td>}</For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </Show>
  );
}
