import { createSignal, Show } from 'solid-js';
import type { Profile } from '../../shared/api/family-types.ts';
import { t } from '../../shared/i18n/i18n.ts';
import type { FamilyApi } from '../family-api.ts';
import { isValidName, NAME_MAX } from '../view/name-rules.ts';
import { noteFailure } from '../session.ts';
import SaveStatus, { type SaveState } from './SaveStatus.tsx';

type Props = { api: FamilyApi; profile: Profile; onSaved: (profile: Profile) => void };

/** The child's name, typed on the phone (the TV only offers a short list). */
export default function NameForm(props: Props) {
  // Keyed by profile in the parent: the initial name only.
  const [name, setName] = createSignal(props.profile.name);
  const [state, setState] = createSignal<SaveState>({ kind: 'idle' });

  async function save(event: SubmitEvent) {
    event.preventDefault();
    if (!isValidName(name())) return;
    setState({ kind: 'saving' });
    try {
      props.onSaved(await props.api.rename(props.profile.id, name().trim()));
      setState({ kind: 'saved' });
    } catch (error) {
      setState({ kind: 'failed', message: noteFailure(error) });
    }
  }

  return (
    <form class="card" onSubmit={save} data-testid="name-form">
      <h2>
        <label for="child-name">{t('family.name.title')}</label>
      </h2>
      <p class="muted">{t('family.name.hint')}</p>
      <div class="inline-field">
        <input
          id="child-name"
          type="text"
          autocomplete="off"
          maxLength={NAME_MAX * 2}
          value={name()}
          data-testid="name-input"
          onInput={(event) => setName(event.currentTarget.value)}
        />
        <button type="submit" class="primary" disabled={!isValidName(name()) || state().kind === 'saving'}>
          {t('common.save')}
        </button>
      </div>
      <Show when={!isValidName(name())}>
        <p class="form-problem">{t('family.name.invalid')}</p>
      </Show>
      <SaveStatus state={state()} />
    </form>
  );
}
