// A screen that changes what the parents guard (a new profile): once the household has a parental PIN, the PIN
// pad comes first, and the right PIN opens the screen, which sends it with its writes (X-Parental-Pin). Without
// a PIN set, the screen opens at once. Back (or 取消) on the pad is `onCancel`.
import { createSignal, Show, untrack, type JSX } from 'solid-js';
import { PinPad } from '../components/PinPad.tsx';
import { checkPin } from './parental.provider.ts';
import { attemptWithPin } from './pin-outcome.ts';

export type PinGateProps = {
  isPinSet: boolean;
  title: string;
  onCancel: () => void;
  /** The guarded screen; `pin` is the PIN the parent typed (undefined when none is set). */
  children: (pin: string | undefined) => JSX.Element;
};

export function PinGate(props: PinGateProps) {
  const [pin, setPin] = createSignal<string>();
  const check = (entered: string) =>
    attemptWithPin(
      () => checkPin(entered),
      () => setPin(entered),
    );
  return (
    <Show
      when={!props.isPinSet || pin() !== undefined}
      fallback={<PinPad title={props.title} onSubmit={check} onCancel={props.onCancel} />}
    >
      {untrack(() => props.children(pin()))}
    </Show>
  );
}
