// Choices in rows (a Column of Rows): arrows move between them, OK chooses. Each row is a list the caller
// gives (chunk a flat list with `inRows`).
import type { NewOmit, NodeProps } from '@lightningtv/solid';
import { Column, Row } from '@lightningtv/solid/primitives';
import { For, type JSX } from 'solid-js';
import { SPACE } from '../theme/tokens.ts';

export type ChoiceGridProps<T> = NewOmit<NodeProps, 'children'> & {
  rows: T[][];
  rowHeight: number;
  children: (item: T) => JSX.Element;
};

export function inRows<T>(items: readonly T[], perRow: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += perRow) rows.push(items.slice(i, i + perRow));
  return rows;
}

export function ChoiceGrid<T>(props: ChoiceGridProps<T>) {
  return (
    <Column gap={SPACE.lg} scroll="none" {...props}>
      <For each={props.rows}>
        {(row) => (
          <Row height={props.rowHeight} gap={SPACE.lg} scroll="none">
            <For each={row}>{(item) => props.children(item)}</For>
          </Row>
        )}
      </For>
    </Column>
  );
}
