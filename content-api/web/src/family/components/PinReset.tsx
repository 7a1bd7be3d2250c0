import { createSignal, Show } from 'solid-js';
import { t } from '../../shared/i18n/i18n.ts';
import type { FamilyApi } from '../family-api.ts';
import { isValidPin } from '../view/name-rules.ts';
import { noteFailure } from '../session.ts';
import SaveStatus, { type SaveState } from './SaveStatus.tsx';

/** A forgotten TV PIN is replaced from the phone: holding the phone link is the parent's proof. */
export default function PinReset(props: { api: FamilyApi }) {
  const [pin, setPin] = createSignal('');
  const [state, setState] = createSignal<SaveState>({ kind: 'idle' });

  async function reset(event: SubmitEvent) {
    event.preventDefault();
    if (!isValidPin(pin())) return;
    setState({ kind: 'saving' });
    try {
      await props.api.resetPin(pin());
      setPin('');
      setState({ kind: 'saved' });
    } catch (error) {
      setState({ kind: 'failed', message: noteFailure(error) });
    }
  }

  return (
    <form class="card" onSubmit={reset} data-testid="pin-form">
      <h2>
        <label for="new-pin">{t('family.pin.title')}</label>
      </h2>
      <p class="muted">{t('family.pin.hint')}</p>
      <div class="inline-field">
        <input
          id="new-pin"
          type="password"
          inputmode="numeric"
          autocomplete="new-password"
          pattern="[0-9]{4,6}"
          maxLength={6}
          value={pin()}
          data-testid="pin-input"
          onInput={(event) => setPin(event.currentTarget.value.replace(/\D/g, ''))}
        />
        <button type="submit" class="primary" disabled={!isValidPin(pin()) || state().kind === 'saving'}>
          {t('family.pin.submit')}
        </button>
      </div>
      <Show when={pin().length > 0 && !isValidPin(pin())}>
        <p class="form-problem">{t('family.pin.invalid')}</p>
      </Show>
      <Show when={state().kind === 'saved'} fallback={<SaveStatus state={state()} />}>
        <p class="save-status save-status--ok" role="status" data-testid="pin-done">
          {t('family.pin.done')}
        </p>
      </Show>
    </form>
  );
}
