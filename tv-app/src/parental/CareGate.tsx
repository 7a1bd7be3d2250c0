// The player's care gate: reads the watching child's usage when playback starts, counts the seconds played,
// and when the usage says stop (break, quota, bedtime) pauses the video under a full-screen card until the
// card's reason ends or a parent unlocks it with the PIN. Media keys do not get past the card; Back does.
import { activeElement, type ElementNode } from '@lightningtv/solid';
import { createEffect, createMemo, createSignal, Match, onCleanup, Show, Switch } from 'solid-js';
import { BlockCard } from '../components/BlockCard.tsx';
import { BreakCard } from '../components/BreakCard.tsx';
import { PinPad } from '../components/PinPad.tsx';
import { t } from '../i18n/i18n.ts';
import { exposeForTests } from '../state/test-hooks.ts';
import { SIZE } from '../theme/tokens.ts';
import { careCard, type CareCard } from './care-state.ts';
import {
  careState,
  countWatched,
  recallCareOf,
  receiveUsage,
  setCareCardShown,
  setCareContext,
} from './care-store.ts';
import { fetchHousehold } from '../api/providers/family.provider.ts';
import { rememberedProfileId, resolveProfile } from '../state/profile.ts';
import { boxNow, recordUsage, usageOf } from '../state/usage.ts';
import { extendUsage, fetchUsage, skipBreak } from './parental.provider.ts';
import { attemptWithPin } from './pin-outcome.ts';

const TICK_MS = 1000;
const EXTENSION_MINUTES = 15;
/** How often a gate that could not read the usage asks again. */
const USAGE_RETRY_MS = 30_000;
const MEDIA_KEYS = new Set(['PlayPause', 'Play', 'Pause', 'Stop', 'Rewind', 'FastForward', 'Info', 'Enter']);

export type CareGateProps = { video: HTMLVideoElement; onLeave: () => void };

function isPlaying(video: HTMLVideoElement): boolean {
  return !video.paused && !video.ended && video.readyState >= 3;
}

export function CareGate(props: CareGateProps) {
  const [now, setNow] = createSignal(boxNow());
  const [pinFor, setPinFor] = createSignal<'skip' | 'extend'>();
  const [profileId, setProfileId] = createSignal<string>();
  // Another child's state (a profile switched this session) does not hold this one; before the profile is
  // known (offline), what the box last knew holds.
  const ownState = () => {
    const state = careState();
    const id = profileId();
    return state && (!id || state.usage.profileId === id) ? state : undefined;
  };
  const card = createMemo<CareCard>((shown) => careCard(ownState(), now(), shown?.kind));
  const isBlocked = () => card().kind !== 'none';
  exposeForTests('careCard', () => card().kind);
  let last = boxNow();
  let pausedByCare = false;
  let gate: ElementNode | undefined;
  /** What had focus before the card: it gets focus back when the card goes. */
  let focusBefore: ElementNode | undefined;

  // Who is watching, their controls and today's usage; later usages come with the heartbeat answers. Without
  // the server (a box restarted offline): the profile last chosen here and what the box last knew of its day,
  // while the server is asked again every 30 s; its answer replaces what the box knew.
  let retry: ReturnType<typeof setTimeout> | undefined;
  const learn = async (): Promise<void> => {
    const step = await resolveProfile(false).catch(() => undefined);
    const id = step?.kind === 'ready' ? step.profile.id : (rememberedProfileId() ?? undefined);
    if (!id || isGone) return;
    recallCareOf(id);
    setProfileId(id);
    const household = await fetchHousehold().catch(() => undefined);
    if (step?.kind === 'ready' && household) setCareContext(household, step.profile);
    const usage = await fetchUsage(id).catch(() => undefined);
    if (usage) recordUsage([usage]);
    else if (!isGone) retry = setTimeout(() => void learn(), USAGE_RETRY_MS);
  };
  let isGone = false;
  onCleanup(() => {
    isGone = true;
    clearTimeout(retry);
  });
  void learn();
  const latest = createMemo(() => {
    const id = profileId();
    return id ? usageOf(id) : undefined;
  });
  createEffect(() => {
    const snapshot = latest();
    if (snapshot) receiveUsage(snapshot);
  });

  const tick = () => {
    const at = boxNow();
    countWatched(isPlaying(props.video) && !isBlocked() ? (at - last) / 1000 : 0, at);
    // A player that starts late (autoplay once data arrives) is held here too, not only on its 'play' event.
    if (isBlocked() && !props.video.paused) props.video.pause();
    last = at;
    setNow(at);
  };
  const timer = setInterval(tick, TICK_MS);
  const holdPaused = () => {
    if (isBlocked()) props.video.pause();
  };
  props.video.addEventListener('play', holdPaused);
  onCleanup(() => {
    clearInterval(timer);
    props.video.removeEventListener('play', holdPaused);
  });

  createEffect(() => setCareCardShown(isBlocked()));
  onCleanup(() => setCareCardShown(false));
  createEffect(() => {
    if (isBlocked()) {
      if (!pausedByCare) focusBefore = activeElement();
      if (!props.video.paused) props.video.pause();
      pausedByCare = true;
    } else if (pausedByCare) {
      pausedByCare = false;
      setPinFor(undefined);
      void props.video.play().catch(() => undefined);
      const restore = focusBefore;
      setTimeout(() => restore?.setFocus(), 0);
    }
  });

  const unlock = (pin: string) => {
    const profileId = careState()?.usage.profileId;
    if (!profileId) return Promise.resolve({ kind: 'failed' } as const);
    const call =
      pinFor() === 'extend'
        ? () => extendUsage(profileId, EXTENSION_MINUTES, pin)
        : () => skipBreak(profileId, pin);
    return attemptWithPin(call, (usage) => {
      recordUsage([usage]);
      setNow(boxNow());
    });
  };

  return (
    <Show when={isBlocked()}>
      <view
        ref={gate}
        width={SIZE.screenWidth}
        height={SIZE.screenHeight}
        zIndex={10}
        forwardFocus={0}
        onKeyPress={(_event: KeyboardEvent, action?: string) =>
          action !== 'Back' && MEDIA_KEYS.has(action ?? '')
        }
      >
        <Switch>
          <Match when={card().kind === 'break' && card()}>
            {(shown) => (
              <BreakCard
                secondsLeft={(shown() as { secondsLeft: number }).secondsLeft}
                onUnlock={() => setPinFor('skip')}
              />
            )}
          </Match>
          <Match when={card().kind === 'quota'}>
            <BlockCard
              icon="clock"
              title={t('care.quota.title')}
              detail={t('care.quota.detail')}
              actions={[
                { label: t('care.quota.extend'), onEnter: () => setPinFor('extend') },
                { label: t('care.back'), onEnter: props.onLeave },
              ]}
            />
          </Match>
          <Match when={card().kind === 'bedtime'}>
            <BlockCard
              icon="moon"
              title={t('care.bedtime.title')}
              detail={t('care.bedtime.detail')}
              actions={[{ label: t('care.back'), onEnter: props.onLeave }]}
            />
          </Match>
        </Switch>
        <Show when={pinFor()}>
          {(purpose) => (
            <PinPad
              title={purpose() === 'extend' ? t('care.extendTitle') : t('care.skipTitle')}
              onSubmit={unlock}
              onCancel={() => {
                setPinFor(undefined);
                gate?.setFocus();
              }}
            />
          )}
        </Show>
      </view>
    </Show>
  );
}
