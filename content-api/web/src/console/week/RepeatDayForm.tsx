// "Repeat this day on…": copy one day's slots onto chosen weekdays of the week shown.
import { createSignal, For } from 'solid-js';
import { t } from '../../shared/i18n/i18n.ts';

export default function RepeatDayForm(props: {
  dates: readonly string[];
  dayLabel(date: string): string;
  onRepeat(day: string, targets: string[]): void;
}) {
  const [day, setDay] = createSignal(0);
  const [targets, setTargets] = createSignal<Set<number>>(new Set([1, 2, 3, 4]));
  const toggle = (index: number) =>
    setTargets((current) => {
      const next = new Set(current);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });

  return (
    <fieldset class="repeat-day">
      <legend>{t('console.week.repeat')}</legend>
      <select
        aria-label={t('console.week.repeatFrom')}
        value={day()}
        onChange={(e) => setDay(Number(e.currentTarget.value))}
      >
        <For each={props.dates}>
          {(date, index) => <option value={index()}>{props.dayLabel(date)}</option>}
        </For>
      </select>
      <span>{t('console.week.repeatOn')}</span>
      <For each={props.dates}>
        {(date, index) => (
          <label class="inline">
            <input
              type="checkbox"
              checked={targets().has(index())}
              disabled={index() === day()}
              onChange={() => toggle(index())}
            />
            {props.dayLabel(date)}
          </label>
        )}
      </For>
      <button
        type="button"
        onClick={() =>
          props.onRepeat(
            props.dates[day()]!,
            [...targets()].filter((index) => index !== day()).map((index) => props.dates[index]!),
          )
        }
      >
        {t('console.week.repeatApply')}
      </button>
    </fieldset>
  );
}
