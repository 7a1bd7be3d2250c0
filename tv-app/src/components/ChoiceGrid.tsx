// Choices in rows (a Column of Rows): arrows move between them, OK chooses. Each row is a list the caller
// gives (chunk a flat list with `inRows`); an optional heading sits at the left of each row, outside the
// Column so it is never focused.
import type { NewOmit, NodeProps } from '@lightningtv/solid';
import { Column, Row } from '@lightningtv/solid/primitives';
import { For, Show, type JSX } from 'solid-js';
import { COLOR, FONT, SPACE } from '../theme/tokens.ts';

const ROW_LABEL_WIDTH = 300;

export type ChoiceGridProps<T> = NewOmit<NodeProps, 'children'> & {
  x: number;
  y: number;
  rows: T[][];
  rowHeight: number;
  /** A heading at the left of each row (e.g. the school stage of a row of grades). */
  rowLabels?: string[];
  children: (item: T) => JSX.Element;
};

export function inRows<T>(items: readonly T[], perRow: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += perRow) rows.push(items.slice(i, i + perRow));
  return rows;
}

export function ChoiceGrid<T>(props: ChoiceGridProps<T>) {
  const labelWidth = () => (props.rowLabels ? ROW_LABEL_WIDTH : 0);
  return (
    <>
      <Show when={props.rowLabels}>
        {(labels) => (
          <For each={labels()}>
            {(label, index) => (
              <text
                x={props.x}
                y={
                  props.y +
                  index() * (props.rowHeight + SPACE.lg) +
                  (props.rowHeight - FONT.caption * 1.3) / 2
                }
                width={ROW_LABEL_WIDTH - SPACE.md}
                contain="width"
                maxLines={1}
                fontFamily={FONT.family}
                fontSize={FONT.caption}
                color={COLOR.textMuted}
              >
                {label}
              </text>
            )}
          </For>
        )}
      </Show>
      <Column gap={SPACE.lg} scroll="none" {...props} x={props.x + labelWidth()}>
        <For each={props.rows}>
          {(row) => (
            <Row height={props.rowHeight} gap={SPACE.lg} scroll="none">
              <For each={row}>{(item) => props.children(item)}</For>
            </Row>
          )}
        </For>
      </Column>
    </>
  );
}
