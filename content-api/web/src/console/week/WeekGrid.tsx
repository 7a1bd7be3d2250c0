// The 7-day grid (days × half hours in the channel's wall time). Mouse: click an empty half hour to place a
// lesson, drag a slot to move it. Keyboard: arrows move between half hours, Enter places; on a slot,
// Alt+arrows move it (30 min / a day) and Delete removes it. The API's problems show on the slot they name.
import { createSignal, For, Show } from 'solid-js';
import { pickText, t } from '../../shared/i18n/i18n.ts';
import { formatMinutes } from './wall-time.ts';
import { laneOf, type BuilderSlot } from './week-model.ts';

export const FIRST_MINUTE = 6 * 60;
export const LAST_MINUTE = 22 * 60;
const STEP = 30;
const ROWS = (LAST_MINUTE - FIRST_MINUTE) / STEP;
const ROW_PX = 30;

type Props = {
  dates: readonly string[];
  dayLabel(date: string): string;
  slots: readonly BuilderSlot[];
  problems: Map<string, string[]>;
  canEdit: boolean;
  onPlace(date: string, minutes: number): void;
  onMove(key: string, date: string, minutes: number): void;
  onDelete(key: string): void;
};

export default function WeekGrid(props: Props) {
  const [focus, setFocus] = createSignal({ day: 0, row: 4 });
  let grid!: HTMLDivElement;
  const lanes = () => laneOf(props.slots);
  const cellId = (day: number, row: number) => `cell-${day}-${row}`;
  const focusCell = (day: number, row: number) => {
    const next = { day: Math.max(0, Math.min(6, day)), row: Math.max(0, Math.min(ROWS - 1, row)) };
    setFocus(next);
    grid.querySelector<HTMLElement>(`#${cellId(next.day, next.row)}`)?.focus();
  };

  function onCellKey(event: KeyboardEvent, day: number, row: number) {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [0, -1],
      ArrowDown: [0, 1],
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
    };
    const move = moves[event.key];
    if (move) focusCell(day + move[0], row + move[1]);
    else if ((event.key === 'Enter' || event.key === ' ') && props.canEdit)
      props.onPlace(props.dates[day]!, FIRST_MINUTE + row * STEP);
    else return;
    event.preventDefault();
  }

  function onSlotKey(event: KeyboardEvent, slot: BuilderSlot) {
    if (!props.canEdit) return;
    const day = props.dates.indexOf(slot.date);
    if (event.key === 'Delete' || event.key === 'Backspace') props.onDelete(slot.key);
    else if (event.altKey && event.key === 'ArrowUp') props.onMove(slot.key, slot.date, slot.start - STEP);
    else if (event.altKey && event.key === 'ArrowDown') props.onMove(slot.key, slot.date, slot.start + STEP);
    else if (event.altKey && event.key === 'ArrowLeft' && day > 0)
      props.onMove(slot.key, props.dates[day - 1]!, slot.start);
    else if (event.altKey && event.key === 'ArrowRight' && day < 6)
      props.onMove(slot.key, props.dates[day + 1]!, slot.start);
    else return;
    event.preventDefault();
    // The slot re-renders; keep focus on it.
    queueMicrotask(() => grid.querySelector<HTMLElement>(`[data-slot="${slot.key}"]`)?.focus());
  }

  return (
    <div
      class="week-grid"
      ref={grid}
      role="grid"
      aria-label={t('console.week.gridLabel')}
      style={{ '--row-height': `${ROW_PX}px` }}
    >
      <div class="week-times" aria-hidden="true">
        <div class="week-day-head" />
        <For each={Array.from({ length: ROWS }, (_, row) => row)}>
          {(row) => (
            <div class="week-time">{row % 2 === 0 ? formatMinutes(FIRST_MINUTE + row * STEP) : ''}</div>
          )}
        </For>
      </div>
      <For each={props.dates}>
        {(date, day) => (
          <div class="week-day" role="rowgroup">
            <div class="week-day-head" role="columnheader">
              {props.dayLabel(date)}
            </div>
            <div class="week-day-body" style={{ height: `${ROWS * ROW_PX}px` }}>
              <For each={Array.from({ length: ROWS }, (_, row) => row)}>
                {(row) => (
                  <div
                    id={cellId(day(), row)}
                    class="week-cell"
                    role="gridcell"
                    tabIndex={focus().day === day() && focus().row === row ? 0 : -1}
                    aria-label={`${props.dayLabel(date)} ${formatMinutes(FIRST_MINUTE + row * STEP)}`}
                    onClick={() => props.canEdit && props.onPlace(date, FIRST_MINUTE + row * STEP)}
                    onFocus={() => setFocus({ day: day(), row })}
                    onKeyDown={(event) => onCellKey(event, day(), row)}
                    onDragOver={(event) => event.preventDefault()}
                    onDrop={(event) => {
                      event.preventDefault();
                      const key = event.dataTransfer?.getData('text/plain');
                      if (key) props.onMove(key, date, FIRST_MINUTE + row * STEP);
                    }}
                  />
                )}
              </For>
              <For each={props.slots.filter((slot) => slot.date === date)}>
                {(slot) => (
                  <SlotBlock
                    slot={slot}
                    lane={lanes().get(slot.key)}
                    problems={props.problems.get(slot.key)}
                    canEdit={props.canEdit}
                    onKeyDown={(event) => onSlotKey(event, slot)}
                    onDelete={() => props.onDelete(slot.key)}
                  />
                )}
              </For>
            </div>
          </div>
        )}
      </For>
    </div>
  );
}

function SlotBlock(props: {
  slot: BuilderSlot;
  lane?: { lane: number; lanes: number };
  problems?: string[];
  canEdit: boolean;
  onKeyDown(event: KeyboardEvent): void;
  onDelete(): void;
}) {
  const top = () => ((props.slot.start - FIRST_MINUTE) / STEP) * ROW_PX;
  const height = () => Math.max(((props.slot.end - props.slot.start) / STEP) * ROW_PX - 2, ROW_PX - 2);
  const width = () => 100 / (props.lane?.lanes ?? 1);
  return (
    <div
      class="week-slot"
      classList={{ invalid: Boolean(props.problems?.length), unplayable: !props.slot.playable }}
      style={{
        top: `${top()}px`,
        height: `${height()}px`,
        left: `calc(${width() * (props.lane?.lane ?? 0)}% + 2px)`,
        width: `calc(${width()}% - 4px)`,
      }}
      title={[
        `${formatMinutes(props.slot.start)}–${formatMinutes(props.slot.end)} ${pickText(props.slot.title)}`,
        ...(props.problems ?? []),
      ].join('\n')}
      data-slot={props.slot.key}
      tabIndex={0}
      role="button"
      draggable={props.canEdit}
      aria-label={`${formatMinutes(props.slot.start)}–${formatMinutes(props.slot.end)} ${pickText(props.slot.title)}`}
      aria-keyshortcuts={
        props.canEdit ? 'Alt+ArrowUp Alt+ArrowDown Alt+ArrowLeft Alt+ArrowRight Delete' : undefined
      }
      onDragStart={(event) => event.dataTransfer?.setData('text/plain', props.slot.key)}
      onKeyDown={(event) => props.onKeyDown(event)}
      onClick={(event) => event.stopPropagation()}
    >
      {/* The block's height shows the length; its label and tooltip give the full range. */}
      <span class="slot-time">{formatMinutes(props.slot.start)}</span>
      <span class="slot-title">{pickText(props.slot.title)}</span>
      <Show when={props.canEdit}>
        <button
          type="button"
          class="slot-delete"
          aria-label={t('console.week.deleteSlot')}
          tabIndex={-1}
          onClick={() => props.onDelete()}
        >
          ×
        </button>
      </Show>
    </div>
  );
}
