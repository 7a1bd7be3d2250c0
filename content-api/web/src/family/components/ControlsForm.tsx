import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { Profile } from '../../shared/api/family-types.ts';
import { t } from '../../shared/i18n/i18n.ts';
import {
  QUOTA_MAX,
  QUOTA_MIN,
  clampQuota,
  draftProblem,
  stepQuota,
  toControls,
  toDraft,
  toggleId,
} from '../view/controls-draft.ts';
import type { AllowListOptions } from '../view/catalogue-options.ts';
import type { FamilyApi } from '../family-api.ts';
import { noteFailure } from '../session.ts';
import SaveStatus, { type SaveState } from './SaveStatus.tsx';
import Toggle from './Toggle.tsx';

type Props = {
  api: FamilyApi;
  profile: Profile;
  options: AllowListOptions;
  onSaved: (profile: Profile) => void;
};

/** The child's rules: daily quota, bedtime and allow-list, saved together. */
export default function ControlsForm(props: Props) {
  // The form is keyed by profile in the parent: a new child starts a fresh draft.
  const [draft, setDraft] = createStore(toDraft(props.profile.controls));
  const [state, setState] = createSignal<SaveState>({ kind: 'idle' });
  const problem = () => draftProblem(draft);

  async function save(event: SubmitEvent) {
    event.preventDefault();
    if (problem()) return;
    setState({ kind: 'saving' });
    try {
      const saved = await props.api.saveControls(props.profile.id, toControls(draft, props.profile.controls));
      props.onSaved(saved);
      setState({ kind: 'saved' });
    } catch (error) {
      setState({ kind: 'failed', message: noteFailure(error) });
    }
  }

  return (
    <form class="card" onSubmit={save} data-testid="controls-form">
      <h2>{t('family.controls.title')}</h2>

      <Toggle
        label={t('family.controls.quota')}
        offLabel={t('family.controls.quotaOff')}
        checked={draft.hasQuota}
        onChange={(on) => setDraft('hasQuota', on)}
        testId="quota-toggle"
      />
      <Show when={draft.hasQuota}>
        <div class="stepper">
          <button
            type="button"
            aria-label={t('family.controls.less')}
            onClick={() => setDraft('quotaMinutes', (m) => stepQuota(m, -1))}
          >
            −
          </button>
          <label class="stepper__value">
            <input
              type="number"
              inputmode="numeric"
              min={QUOTA_MIN}
              max={QUOTA_MAX}
              step="5"
              value={draft.quotaMinutes}
              aria-label={t('family.controls.quota')}
              data-testid="quota-input"
              onChange={(event) => setDraft('quotaMinutes', clampQuota(event.currentTarget.valueAsNumber))}
            />
            <span>{t('family.controls.minutesUnit')}</span>
          </label>
          <button
            type="button"
            aria-label={t('family.controls.more')}
            onClick={() => setDraft('quotaMinutes', (m) => stepQuota(m, 1))}
          >
            +
          </button>
        </div>
      </Show>

      <Toggle
        label={t('family.controls.bedtime')}
        offLabel={t('family.controls.bedtimeOff')}
        checked={draft.hasBedtime}
        onChange={(on) => setDraft('hasBedtime', on)}
        testId="bedtime-toggle"
      />
      <Show when={draft.hasBedtime}>
        <div class="time-range">
          <label>
            {t('family.controls.bedtimeFrom')}
            <input
              type="time"
              required
              value={draft.bedtimeStart}
              data-testid="bedtime-start"
              onChange={(e) => setDraft('bedtimeStart', e.currentTarget.value)}
            />
          </label>
          <label>
            {t('family.controls.bedtimeTo')}
            <input
              type="time"
              required
              value={draft.bedtimeEnd}
              data-testid="bedtime-end"
              onChange={(e) => setDraft('bedtimeEnd', e.currentTarget.value)}
            />
          </label>
        </div>
      </Show>

      <Toggle
        label={t('family.controls.allowList')}
        offLabel={t('family.controls.allowListOff')}
        checked={draft.hasAllowList}
        onChange={(on) => setDraft('hasAllowList', on)}
        testId="allow-list-toggle"
      />
      <Show when={draft.hasAllowList}>
        <fieldset class="chips">
          <legend>{t('family.controls.subjects')}</legend>
          <For each={props.options.subjects}>
            {(option) => (
              <label class="chip">
                <input
                  type="checkbox"
                  value={option.id}
                  checked={draft.subjectIds.includes(option.id)}
                  onChange={() => setDraft('subjectIds', (ids) => toggleId(ids, option.id))}
                />
                <span>{option.label}</span>
              </label>
            )}
          </For>
        </fieldset>
        <fieldset class="chips">
          <legend>{t('family.controls.sections')}</legend>
          <For each={props.options.sections}>
            {(option) => (
              <label class="chip">
                <input
                  type="checkbox"
                  value={option.id}
                  checked={draft.sectionIds.includes(option.id)}
                  onChange={() => setDraft('sectionIds', (ids) => toggleId(ids, option.id))}
                />
                <span>{option.label}</span>
              </label>
            )}
          </For>
        </fieldset>
      </Show>

      <Show when={problem()}>
        {(key) => (
          <p class="form-problem" role="alert">
            {t(key())}
          </p>
        )}
      </Show>
      <button
        type="submit"
        class="primary"
        disabled={state().kind === 'saving' || problem() !== null}
        data-testid="controls-save"
      >
        {t('common.save')}
      </button>
      <SaveStatus state={state()} />
    </form>
  );
}
