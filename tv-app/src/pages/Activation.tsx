// First start of a carrier's box that activates by code (features.activation = 'code', docs/activation.md): the
// code large, the QR code of the phone page, a countdown to its expiry and a new code when it runs out. Polls
// with backoff; once a phone or the carrier's CRM binds the code, the credential is kept and the profile
// screen follows. OK asks for a new code. Nothing is typed on the TV.
import { useNavigate } from '@solidjs/router';
import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import { ApiError } from '../api/client.ts';
import { pollActivation, startActivation, type Activation } from '../api/providers/activation.provider.ts';
import { Button } from '../components/Button.tsx';
import { Countdown } from '../components/Countdown.tsx';
import { QrCode } from '../components/QrCode.tsx';
import { t } from '../i18n/i18n.ts';
import { exposeForTests } from '../state/test-hooks.ts';
import { ACTIVATION_SIZE, ACTIVATION_Y, TEXT_ACTIVATION_CODE } from '../theme/activation.ts';
import { TEXT_BODY, TEXT_MUTED, TEXT_TITLE } from '../theme/styles.ts';
import { COLOR, SIZE, SPACE } from '../theme/tokens.ts';

/** The first poll, the slowest and the growth: a bound box goes on within seconds, an idle one polls gently. */
const POLL_FIRST_MS = 2_000;
const POLL_MAX_MS = 8_000;
const POLL_GROWTH = 1.5;
/** After a failed request (network, server): doubling up to this. */
const RETRY_MAX_MS = 30_000;

type Status = 'loading' | 'waiting' | 'failed' | 'bound';

export default function ActivationPage() {
  const navigate = useNavigate();
  const [activation, setActivation] = createSignal<Activation>();
  const [status, setStatus] = createSignal<Status>('loading');
  const [failure, setFailure] = createSignal('');
  const [now, setNow] = createSignal(Date.now());
  exposeForTests('activation', activation);

  // Each run of the loop has a number; a new code (OK, expiry) or leaving the screen ends the older run.
  let run = 0;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const fail = (error: unknown) => {
    setFailure(error instanceof Error ? error.message : String(error));
    setStatus('failed');
  };

  /** Asks for a code, polls it until bound or expired, and starts over with a new one. */
  async function activate(mine: number): Promise<void> {
    let retry = POLL_FIRST_MS;
    while (mine === run) {
      let current: Activation;
      try {
        current = await startActivation();
      } catch (error) {
        fail(error);
        await sleep(retry);
        retry = Math.min(retry * 2, RETRY_MAX_MS);
        continue;
      }
      if (mine !== run) return;
      retry = POLL_FIRST_MS;
      setActivation(current);
      setStatus('waiting');
      if (await pollUntilDone(mine, current)) {
        setStatus('bound');
        navigate('/profiles', { replace: true });
        return;
      }
    }
  }

  /** True once the credential is kept; false when this code is done for (expired, burned, lost). */
  async function pollUntilDone(mine: number, current: Activation): Promise<boolean> {
    let delay = POLL_FIRST_MS;
    while (mine === run) {
      await sleep(delay);
      if (mine !== run || Date.parse(current.expiresAt) <= Date.now()) return false;
      try {
        const state = await pollActivation(current);
        if (state.state === 'bound') return Boolean(state.credential);
        if (state.state === 'expired') return false;
        setStatus('waiting');
        delay = Math.min(delay * POLL_GROWTH, POLL_MAX_MS);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return false;
        fail(error);
        delay = Math.min(delay * 2, RETRY_MAX_MS);
      }
    }
    return false;
  }

  const restart = () => {
    run += 1;
    setStatus('loading');
    void activate(run);
  };

  onMount(() => {
    restart();
    const tick = setInterval(() => setNow(Date.now()), 1_000);
    onCleanup(() => clearInterval(tick));
  });
  onCleanup(() => {
    run += 1;
    for (const timer of timers) clearTimeout(timer);
  });

  const secondsLeft = () => {
    const current = activation();
    return current ? Math.max(0, (Date.parse(current.expiresAt) - now()) / 1000) : 0;
  };
  const pageUrl = () => activation()?.activateUrl.replace(/#.*$/, '') ?? '';
  const statusText = () =>
    status() === 'failed'
      ? t('activation.failed', { message: failure() })
      : t(`activation.${status()}` as 'activation.waiting');

  return (
    <view width={SIZE.screenWidth} height={SIZE.screenHeight}>
      <text style={TEXT_TITLE} x={SPACE.screenX} y={ACTIVATION_Y.title}>
        {t('activation.title')}
      </text>
      <text
        style={TEXT_BODY}
        x={SPACE.screenX}
        y={ACTIVATION_Y.hint}
        width={ACTIVATION_SIZE.columnWidth}
        contain="width"
        maxLines={3}
      >
        {t('activation.hint')}
      </text>
      <Show when={activation()}>
        {(current) => (
          <>
            <text
              style={TEXT_MUTED}
              x={SPACE.screenX}
              y={ACTIVATION_Y.typeAt}
              width={ACTIVATION_SIZE.columnWidth}
              contain="width"
              maxLines={2}
            >
              {t('activation.typeAt', { url: pageUrl() })}
            </text>
            <text style={TEXT_MUTED} x={SPACE.screenX} y={ACTIVATION_Y.codeLabel}>
              {t('activation.code')}
            </text>
            <text style={TEXT_ACTIVATION_CODE} x={SPACE.screenX} y={ACTIVATION_Y.code}>
              {current().code}
            </text>
            <text style={TEXT_MUTED} x={SPACE.screenX} y={ACTIVATION_Y.expiresLabel}>
              {t('activation.expiresIn')}
            </text>
            <Countdown
              seconds={secondsLeft()}
              y={ACTIVATION_Y.countdown}
              left={SPACE.screenX}
              background={COLOR.background}
            />
          </>
        )}
      </Show>
      <text style={TEXT_MUTED} x={SPACE.screenX} y={ACTIVATION_Y.status} width={ACTIVATION_SIZE.columnWidth}>
        {statusText()}
      </text>
      <Button
        x={SPACE.screenX}
        y={ACTIVATION_Y.button}
        label={t('activation.newCode')}
        autofocus
        onEnter={restart}
      />
      <QrCode
        text={activation()?.activateUrl}
        targetPx={ACTIVATION_SIZE.qr}
        right={SIZE.screenWidth - SPACE.screenX}
      />
    </view>
  );
}
