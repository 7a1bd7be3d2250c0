// A date (or date and time) typed as YYYY-MM-DD [HH:mm], checked as it is typed; see dates/day-text.ts for why
// not <input type="date">. The owner gets the canonical value and `valid` when the text is a day (or empty: ''),
// else the text as typed and not `valid` — to hold back a filter, or send it for the API to refuse by field, or
// refuse to schedule; the field itself says which form it wants.
import { createSignal, on, createEffect, Show } from 'solid-js';
import { t } from '../../shared/i18n/i18n.ts';
import { dayTimeText, parseDay, parseDayTime } from '../dates/day-text.ts';

export default function DateField(props: {
  value: string;
  onChange: (value: string, valid: boolean) => void;
  name?: string;
  label?: string;
  disabled?: boolean;
  withTime?: boolean;
}) {
  const parse = (text: string) => (props.withTime ? parseDayTime(text) : parseDay(text));
  const format = () => (props.withTime ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD');
  const [text, setText] = createSignal(dayTimeText(props.value));
  const [touched, setTouched] = createSignal(false);
  const isInvalid = () => text().trim() !== '' && parse(text()) === undefined;
  // The owner may set the value itself (a reset, a reload): show it unless the text already means it.
  createEffect(
    on(
      () => props.value,
      (value) => {
        if ((parse(text()) ?? text().trim()) !== value) setText(dayTimeText(value));
      },
      { defer: true },
    ),
  );

  function input(next: string) {
    setText(next);
    const value = next.trim() === '' ? '' : parse(next);
    props.onChange(value ?? next.trim(), value !== undefined);
  }

  return (
    <span class="date-field">
      <input
        type="text"
        inputmode="numeric"
        autocomplete="off"
        classList={{ 'with-time': Boolean(props.withTime) }}
        name={props.name}
        aria-label={props.label}
        aria-invalid={touched() && isInvalid()}
        placeholder={format()}
        disabled={props.disabled}
        value={text()}
        onInput={(e) => input(e.currentTarget.value)}
        onBlur={() => setTouched(true)}
      />
      <Show when={touched() && isInvalid()}>
        <small class="field-error">{t('console.date.invalid', { format: format() })}</small>
      </Show>
    </span>
  );
}
