import { createEffect, createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { ApiError } from '../shared/api/http.ts';
import LanguageSwitch from '../shared/components/LanguageSwitch.tsx';
import { t, type MessageKey } from '../shared/i18n/i18n.ts';
import { heldPhoneLink } from '../family/phone-link.ts';
import { bindCode, fetchRegions, type Bound } from './activate-api.ts';
import { formatCode, isCompleteCode, takeCodeFromHash } from './activation-code.ts';

type Target = 'mine' | 'new';

/** What went wrong, in the parent's words: the code, the rate limit, the network, or the API's own message. */
function failureText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 404) return t('activate.error.code');
    if (error.status === 429) return t('activate.error.tooMany');
    if (error.status === 401) return t('activate.error.link');
    if (error.code === 'network') return t('common.error.network');
  }
  return t('common.error.generic', { message: error instanceof Error ? error.message : String(error) });
}

/** A region's name in the page's language; an unknown code shows as it is. */
function regionName(id: string): string {
  const key = `activate.region.${id}` as MessageKey;
  const name = t(key);
  return name === key ? id.toUpperCase() : name;
}

/**
 * The phone page of activation by code (`/activate/#c=<code>`, from the TV's QR code, or typed): binds the box to
 * the parent's own household when this tab holds a phone link (opened from 家长助手), else to a new household
 * in a region the operators offer. The TV goes on by itself once bound.
 */
export default function ActivatePage() {
  const phoneLink = heldPhoneLink();
  const [code, setCode] = createSignal(takeCodeFromHash(window.location, window.history) ?? '');
  const [target, setTarget] = createSignal<Target>(phoneLink ? 'mine' : 'new');
  const [regions] = createResource(fetchRegions);
  const [region, setRegion] = createSignal('');
  const [county, setCounty] = createSignal('');
  const [sending, setSending] = createSignal(false);
  const [problem, setProblem] = createSignal('');
  const [bound, setBound] = createSignal<Bound>();
  createEffect(() => (document.title = `${t('common.appName')} · ${t('activate.title')}`));
  createEffect(() => {
    const items = regions()?.items ?? [];
    if (!region() && items.length === 1) setRegion(items[0]!.id);
  });

  const canSend = () => isCompleteCode(code()) && !sending() && (target() === 'mine' || Boolean(region()));

  async function send(event: SubmitEvent) {
    event.preventDefault();
    if (!canSend()) return;
    setSending(true);
    setProblem('');
    try {
      const newHousehold = { region: region(), ...(county().trim() ? { county: county().trim() } : {}) };
      setBound(await bindCode(code(), target() === 'mine' && phoneLink ? { phoneLink } : { newHousehold }));
    } catch (error) {
      setProblem(failureText(error));
    } finally {
      setSending(false);
    }
  }

  return (
    <>
      <header class="page-header">
        <h1>
          {t('common.appName')} · {t('activate.title')}
        </h1>
        <LanguageSwitch />
      </header>
      <main>
        <Show
          when={!bound()}
          fallback={
            <section class="card activate-done" role="status" data-testid="activate-done">
              <h2>{t('activate.done.title')}</h2>
              <p>{t('activate.done.body')}</p>
              <Show when={bound()?.region}>
                {(id) => <p class="muted">{t('activate.done.region', { region: regionName(id()) })}</p>}
              </Show>
            </section>
          }
        >
          <form class="card" onSubmit={send} data-testid="activate-form">
            <h2>
              <label for="activate-code">{t('activate.code.label')}</label>
            </h2>
            <p class="muted">{t('activate.code.hint')}</p>
            <input
              id="activate-code"
              class="activate-code"
              type="text"
              inputmode="text"
              autocomplete="off"
              autocapitalize="characters"
              spellcheck={false}
              maxLength={9}
              placeholder="ABCD-2345"
              value={code()}
              data-testid="activate-code"
              onInput={(event) => setCode(formatCode(event.currentTarget.value))}
            />
            <Show when={phoneLink}>
              <fieldset class="activate-target">
                <legend>{t('activate.target.legend')}</legend>
                <For each={['mine', 'new'] as const}>
                  {(choice) => (
                    <label class="activate-choice">
                      <input
                        type="radio"
                        name="target"
                        checked={target() === choice}
                        onChange={() => setTarget(choice)}
                      />
                      <span>{t(`activate.target.${choice}`)}</span>
                    </label>
                  )}
                </For>
              </fieldset>
            </Show>
            <Show when={target() === 'new'}>
              <NewHouseholdFields
                regions={regions()?.items ?? []}
                isLoading={regions.loading}
                region={region()}
                county={county()}
                onRegion={setRegion}
                onCounty={setCounty}
              />
            </Show>
            <button type="submit" class="primary" disabled={!canSend()} data-testid="activate-submit">
              {sending() ? t('activate.sending') : t('activate.submit')}
            </button>
            <Show when={problem()}>
              <p class="form-problem" role="alert" data-testid="activate-problem">
                {problem()}
              </p>
            </Show>
          </form>
        </Show>
      </main>
    </>
  );
}

type FieldsProps = {
  regions: { id: string }[];
  isLoading: boolean;
  region: string;
  county: string;
  onRegion: (id: string) => void;
  onCounty: (county: string) => void;
};

/** A new household: the region (those the operators offer) and, if the family likes, the county. */
function NewHouseholdFields(props: FieldsProps) {
  return (
    <div class="activate-new">
      <label for="activate-region">{t('activate.region.label')}</label>
      <Switch>
        <Match when={props.isLoading}>
          <p class="muted">{t('common.loading')}</p>
        </Match>
        <Match when={props.regions.length === 0}>
          <p class="form-problem">{t('activate.region.none')}</p>
        </Match>
        <Match when={true}>
          <select
            id="activate-region"
            value={props.region}
            data-testid="activate-region"
            onChange={(event) => props.onRegion(event.currentTarget.value)}
          >
            <option value="">{t('activate.region.choose')}</option>
            <For each={props.regions}>{(item) => <option value={item.id}>{regionName(item.id)}</option>}</For>
          </select>
        </Match>
      </Switch>
      <label for="activate-county">{t('activate.county.label')}</label>
      <input
        id="activate-county"
        type="text"
        autocomplete="address-level2"
        maxLength={40}
        placeholder={t('activate.county.placeholder')}
        value={props.county}
        onInput={(event) => props.onCounty(event.currentTarget.value)}
      />
    </div>
  );
}
