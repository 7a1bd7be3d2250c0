// Parent settings: the first visit sets the PIN (entered twice), later visits ask for it. Then, per child,
// daily quota, eye-rest break, bedtime and allow-list, saved with the PIN (docs/family.md), and the QR code of
// the parent's phone page ("用手机管理", after the children's tabs, unless the carrier turns it off) and, last, an
// operator's draft-preview code (api/preview.ts).
import type { ElementNode } from '@lightningtv/solid';
import { Column, Row } from '@lightningtv/solid/primitives';
import { useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { activePreview, clearPreview, PREVIEW_CODE_LENGTH, startPreview } from '../api/preview.ts';
import { fetchFacets } from '../api/providers/catalog.provider.ts';
import { fetchCatalogueHome } from '../api/providers/home.provider.ts';
import { Button } from '../components/Button.tsx';
import { Loader } from '../components/Loader.tsx';
import { getConfig } from '../config.ts';
import { PinPad } from '../components/PinPad.tsx';
import { t } from '../i18n/i18n.ts';
import { allowChoices } from '../parental/allow-list.formatter.ts';
import { AllowListPicker } from '../parental/AllowListPicker.tsx';
import { PhoneLinkCard } from '../parental/PhoneLinkCard.tsx';
import { ControlsForm } from '../parental/ControlsForm.tsx';
import { fetchHousehold } from '../api/providers/family.provider.ts';
import { checkPin, saveControls, setPin } from '../parental/parental.provider.ts';
import type { Controls, Household, Profile } from '../api/family-types.ts';
import { nextNewPinStep, type NewPinStep } from '../parental/pin-entry.ts';
import { attemptWithPin, type PinOutcome } from '../parental/pin-outcome.ts';
import { CARE_COLOR } from '../theme/care.ts';
import { TAB_SURFACE, TEXT_BODY, TEXT_MUTED, TEXT_TITLE } from '../theme/styles.ts';
import { SIZE, SPACE } from '../theme/tokens.ts';

const OK: PinOutcome = { kind: 'ok' };
/** Wide enough for "Manage on your phone". */
const PHONE_ENTRY_WIDTH = 420;
/** Wide enough for "Stop preview 123456". */
const PREVIEW_ENTRY_WIDTH = 420;

export default function Settings() {
  const navigate = useNavigate();
  const [household, { refetch }] = createResource(fetchHousehold);
  return (
    <view width={SIZE.screenWidth} height={SIZE.screenHeight}>
      <Loader resource={household} retry={refetch}>
        {(loaded) => <Guarded household={loaded} onCancel={() => navigate(-1)} />}
      </Loader>
    </view>
  );
}

/** The PIN first: set it (twice) when the household has none, else check it. */
function Guarded(props: { household: Household; onCancel: () => void }) {
  const [pin, setKnownPin] = createSignal<string>();
  const [newPin, setNewPin] = createSignal<NewPinStep>({ step: 'enter' });

  const check = (entered: string) =>
    attemptWithPin(
      () => checkPin(entered),
      () => setKnownPin(entered),
    );
  const choose = async (entered: string): Promise<PinOutcome> => {
    const next = nextNewPinStep(newPin(), entered);
    if (next.step !== 'done') {
      setNewPin(next);
      return OK;
    }
    return attemptWithPin(
      () => setPin(entered),
      () => setKnownPin(entered),
    );
  };

  return (
    <Switch>
      <Match when={pin()}>{(known) => <Open household={props.household} pin={known()} />}</Match>
      <Match when={props.household.pinSet}>
        <PinPad title={t('pin.enter')} onSubmit={check} onCancel={props.onCancel} />
      </Match>
      <Match when={true}>
        <Show when={newPin()} keyed>
          {(step) => (
            <PinPad
              title={step.step === 'confirm' ? t('pin.confirm') : t('pin.new')}
              notice={step.step === 'mismatch' ? t('pin.mismatch') : undefined}
              onSubmit={choose}
              onCancel={props.onCancel}
            />
          )}
        </Show>
      </Match>
    </Switch>
  );
}

/** The children's controls, one child at a time (tabs on top), saved with the PIN the parent typed. */
function Open(props: { household: Household; pin: string }) {
  const children = props.household.profiles.filter((p) => p.kind === 'child');
  const [chosen, setChosen] = createSignal<Profile | undefined>(children[0]);
  const [drafts, setDrafts] = createSignal<Record<string, Controls>>(
    Object.fromEntries(children.map((p) => [p.id, p.controls])),
  );
  const [status, setStatus] = createSignal('');
  let form: ElementNode | undefined;
  const [isPicking, setPicking] = createSignal(false);
  let phoneEntry: ElementNode | undefined;
  // A carrier without the parent's phone page (features.parentPhonePage: false) shows no link to it.
  const hasPhonePage = getConfig().features.parentPhonePage;
  const [showingPhone, setShowingPhone] = createSignal(false);
  // An operator's draft-preview code (api/preview.ts): typed here, behind the PIN.
  const [isEnteringPreview, setEnteringPreview] = createSignal(false);
  let previewEntry: ElementNode | undefined;
  const closePreviewPad = () => {
    setEnteringPreview(false);
    previewEntry?.setFocus();
  };
  const [choices] = createResource(isPicking, async () => {
    const [facets, home] = await Promise.all([
      fetchFacets(),
      fetchCatalogueHome().catch(() => ({ rails: [] })),
    ]);
    return allowChoices(facets, home.rails);
  });

  const controls = () => {
    const profile = chosen();
    return profile ? drafts()[profile.id] : undefined;
  };
  const change = (next: Controls) => {
    const profile = chosen();
    if (!profile) return;
    setDrafts({ ...drafts(), [profile.id]: next });
    setStatus('');
  };
  const save = async () => {
    const profile = chosen();
    const current = controls();
    if (!profile || !current) return;
    await saveControls(profile.id, current, props.pin)
      .then(() => setStatus(t('settings.saved')))
      .catch((error: unknown) =>
        setStatus(
          t('settings.saveFailed', { message: error instanceof Error ? error.message : String(error) }),
        ),
      );
  };

  return (
    <view width={SIZE.screenWidth} height={SIZE.screenHeight} forwardFocus={2}>
      <text style={TEXT_TITLE} x={SPACE.screenX} y={SPACE.screenY}>
        {t('settings.title')}
      </text>
      <text style={TEXT_MUTED} x={SPACE.screenX + 400} y={SPACE.screenY + 14}>
        {children.length ? t('settings.hint') : t('settings.noChildren')}
      </text>
      <Column
        ref={form}
        x={SPACE.screenX}
        y={SPACE.screenY + 100}
        gap={SPACE.lg}
        selected={controls() ? 1 : 0}
        scroll="none"
        autofocus
      >
        <Row gap={SPACE.md} scroll="none" height={SIZE.buttonHeight}>
          <For each={children}>
            {(profile) => (
              <Button
                label={profile.name}
                style={TAB_SURFACE}
                states={{ $chosen: profile.id === chosen()?.id }}
                onFocus={() => setChosen(profile)}
              />
            )}
          </For>
          <Show when={hasPhonePage}>
            <Button
              ref={phoneEntry}
              width={PHONE_ENTRY_WIDTH}
              label={t('phone.entry')}
              onEnter={() => setShowingPhone(true)}
            />
          </Show>
          {/* An operator's tool, last: the family's own entries come first. */}
          <Button
            ref={previewEntry}
            width={PREVIEW_ENTRY_WIDTH}
            label={activePreview() ? t('preview.stop', { code: activePreview()!.code }) : t('preview.entry')}
            onEnter={() => (activePreview() ? clearPreview() : setEnteringPreview(true))}
          />
        </Row>
        <Show when={controls()}>
          {(current) => (
            <ControlsForm
              controls={current()}
              onChange={change}
              onOpenAllowList={() => setPicking(true)}
              onSave={() => void save()}
            />
          )}
        </Show>
      </Column>
      <text
        style={TEXT_BODY}
        x={SPACE.screenX}
        y={SIZE.screenHeight - SPACE.screenY - 40}
        color={CARE_COLOR.checkOn}
      >
        {status()}
      </text>
      <Show when={isEnteringPreview()}>
        <PinPad
          title={t('preview.title')}
          length={PREVIEW_CODE_LENGTH}
          isShown
          onCancel={closePreviewPad}
          onSubmit={(code) => {
            startPreview(code);
            closePreviewPad();
            return Promise.resolve(OK);
          }}
        />
      </Show>
      <Show when={hasPhonePage && showingPhone()}>
        <PhoneLinkCard
          onClose={() => {
            setShowingPhone(false);
            phoneEntry?.setFocus();
          }}
        />
      </Show>
      <Show when={isPicking() && choices()}>
        {(list) => (
          <AllowListPicker
            choices={list()}
            allowList={controls()?.allowList ?? null}
            onChange={(allowList) => {
              const current = controls();
              if (current) change({ ...current, allowList });
            }}
            onClose={() => {
              setPicking(false);
              form?.setFocus();
            }}
          />
        )}
      </Show>
    </view>
  );
}
