// The console's form parts, the same markup on every form (`.form-grid` in console.css):
//   <TextField label={t('…')} name="newUsername" value={name()} onInput={setName} hint={t('…')} required />
//   <FieldError message={fieldError('title')} />        — the API's message for one field, under it
//   <FormError error={error()} listDetails />            — what no field shows: the error text, or every detail
//   <StatusMessage status={status()} />                  — how a save went: done (status), or why not (alert)
// The API names the field it refuses (`details: [{path, message}]`, see api/error-text.ts).
import { For, Show, splitProps, type JSX } from 'solid-js';
import { detailsOf, errorText } from '../api/error-text.ts';

/** The API's message for one field, shown under it. */
export function FieldError(props: { message?: string }) {
  return (
    <Show when={props.message}>
      <small class="field-error" role="alert">
        {props.message}
      </small>
    </Show>
  );
}

/**
 * A failed save: the error's text when it names no field; with `listDetails`, every field's message as
 * `path: message` (a form that does not place them under its fields).
 */
export function FormError(props: { error: unknown; listDetails?: boolean }) {
  const details = () => detailsOf(props.error);
  return (
    <>
      <Show when={props.listDetails}>
        <For each={details()}>
          {(detail) => (
            <p class="field-error">
              {detail.path}: {detail.message}
            </p>
          )}
        </For>
      </Show>
      <Show when={props.error && details().length === 0}>
        <p class="error" role="alert">
          {errorText(props.error)}
        </p>
      </Show>
    </>
  );
}

/** How an action went, as a screen keeps it: `ok` is announced politely, `error` at once. */
export type Status = { kind: 'ok' | 'error'; text: string };

export function StatusMessage(props: { status: Status | null }) {
  return (
    <Show when={props.status}>
      {(current) => (
        <p class={current().kind} role={current().kind === 'ok' ? 'status' : 'alert'}>
          {current().text}
        </p>
      )}
    </Show>
  );
}

type InputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'onInput' | 'value'>;

/** A labelled text input with an optional hint and the API's message for it; `onInput` gets the text. */
export function TextField(
  props: InputProps & {
    label: JSX.Element;
    value: string | number;
    onInput: (text: string) => void;
    hint?: JSX.Element;
    error?: string;
  },
) {
  const [own, input] = splitProps(props, ['label', 'value', 'onInput', 'hint', 'error']);
  return (
    <label>
      {own.label}
      <input {...input} value={own.value} onInput={(event) => own.onInput(event.currentTarget.value)} />
      <Show when={own.hint}>
        <small class="hint">{own.hint}</small>
      </Show>
      <FieldError message={own.error} />
    </label>
  );
}
