import { createEffect, createMemo, createResource, createSignal, Match, Show, Switch } from 'solid-js';
import type { Household, Profile } from '../shared/api/family-types.ts';
import LanguageSwitch from '../shared/components/LanguageSwitch.tsx';
import { pickText, t } from '../shared/i18n/i18n.ts';
import ChildPanel from './components/ChildPanel.tsx';
import ChildTabs from './components/ChildTabs.tsx';
import PinReset from './components/PinReset.tsx';
import RescanScreen from './components/RescanScreen.tsx';
import { createFamilyApi, type FamilyApi } from './family-api.ts';
import { takePhoneLink } from './phone-link.ts';
import { endSession, isExpired, noteFailure } from './session.ts';
import { allowListOptions } from './view/catalogue-options.ts';

/** The parent's phone page: opened from the TV's QR code with the phone link in the fragment. */
export default function FamilyPage() {
  const token = takePhoneLink(window.location, window.history);
  if (!token) endSession();
  createEffect(() => (document.title = `${t('common.appName')} · ${t('family.title')}`));
  return (
    <>
      <header class="page-header">
        <h1>
          {t('common.appName')} · {t('family.title')}
        </h1>
        <LanguageSwitch />
      </header>
      <main>
        <Show when={!isExpired() && token} fallback={<RescanScreen />}>
          {(phoneLink) => <HouseholdView api={createFamilyApi(phoneLink())} />}
        </Show>
      </main>
    </>
  );
}

function HouseholdView(props: { api: FamilyApi }) {
  const [household, { mutate, refetch }] = createResource(() => props.api.household());
  // Reading an errored resource throws: everything below reads the household only once it is there.
  const loaded = () => (household.state === 'ready' ? household() : undefined);
  const scope = () => (loaded() ? { region: loaded()!.region } : false);
  const [facets] = createResource(scope, ({ region }) => props.api.facets(region), {
    initialValue: { tree: [] },
  });
  const [sections] = createResource(scope, ({ region }) => props.api.sections(region), {
    initialValue: { items: [] },
  });
  const children = createMemo(() => loaded()?.profiles.filter((profile) => profile.kind === 'child') ?? []);
  const [chosenId, setChosenId] = createSignal<string>();
  const selectedId = () => chosenId() ?? children()[0]?.id;
  const profileById = (id: string) => children().find((profile) => profile.id === id);

  const replaceProfile = (saved: Profile) =>
    mutate((current) =>
      current
        ? ({
            ...current,
            profiles: current.profiles.map((p) => (p.id === saved.id ? saved : p)),
          } satisfies Household)
        : current,
    );

  return (
    <Switch fallback={<p class="muted">{t('common.loading')}</p>}>
      <Match when={household.error}>
        {(error) => (
          <p class="form-problem" role="alert">
            {noteFailure(error())}{' '}
            <button type="button" class="link" onClick={() => void refetch()}>
              {t('common.retry')}
            </button>
          </p>
        )}
      </Match>
      <Match when={loaded() && children().length === 0}>
        <p class="card muted">{t('family.children.none')}</p>
        <PinReset api={props.api} />
        <AddBoxLink />
      </Match>
      <Match when={loaded()}>
        <ChildTabs profiles={children()} selectedId={selectedId() ?? ''} onSelect={setChosenId} />
        <Show when={selectedId()} keyed>
          {(id) => (
            <Show when={profileById(id)}>
              {(profile) => (
                <ChildPanel
                  api={props.api}
                  profile={profile()}
                  facets={facets().tree}
                  options={allowListOptions(facets().tree, sections().items, profile().gradeId, pickText)}
                  onSaved={replaceProfile}
                />
              )}
            </Show>
          )}
        </Show>
        <PinReset api={props.api} />
        <AddBoxLink />
      </Match>
    </Switch>
  );
}

/** Another TV for this household: the activation page in this tab keeps the phone link (docs/activation.md). */
function AddBoxLink() {
  return (
    <p class="card">
      <a href="/activate/" data-testid="add-box">
        {t('family.addBox')}
      </a>
    </p>
  );
}
