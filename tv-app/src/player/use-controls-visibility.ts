// The player's controls hide after a few seconds without a key, so the lesson and its captions are clear.
// While hidden, the first arrow or OK only brings them back; Back and media keys act at once.
import { createEffect, createSignal, onCleanup } from 'solid-js';
import { getConfig } from '../config.ts';
import { resolveKeyAction, type KeyAction } from '../focus/key-map.ts';
import { exposeForTests } from '../state/test-hooks.ts';
import { followCueLine, linesAbovePanel } from './caption-lift.ts';

export const CONTROLS_HIDE_MS = 5000;
const REVEAL_ONLY: readonly KeyAction[] = ['Left', 'Right', 'Up', 'Down', 'Enter'];
/** Cue font size (CSS px) per caption size, as in public/styles.css. */
const CUE_FONT_PX = { small: 30, medium: 40, large: 56 } as const;

export function useControlsVisibility(
  video: HTMLVideoElement,
  panelFraction: number,
  captionSize: () => keyof typeof CUE_FONT_PX,
  /** While true (a care card covers the player), keys go straight to what has focus. */
  isCovered: () => boolean = () => false,
) {
  const [isShown, setShown] = createSignal(true);
  exposeForTests('isControlsShown', isShown);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const restart = () => {
    clearTimeout(timer);
    timer = setTimeout(() => setShown(video.paused), CONTROLS_HIDE_MS);
  };
  const onKey = (event: KeyboardEvent) => {
    const action = resolveKeyAction(getConfig().keyMap, event);
    if (!isShown() && !isCovered() && action && REVEAL_ONLY.includes(action)) {
      event.stopImmediatePropagation();
      event.preventDefault();
    }
    setShown(true);
    restart();
  };
  window.addEventListener('keydown', onKey, true);
  restart();

  const cues = followCueLine(video, () =>
    isShown()
      ? linesAbovePanel(panelFraction, video.clientHeight || window.innerHeight, CUE_FONT_PX[captionSize()])
      : 'auto',
  );
  // Re-place cues whenever the panel shows or hides, or the caption size changes.
  createEffect(() => {
    isShown();
    captionSize();
    cues.apply();
  });

  onCleanup(() => {
    clearTimeout(timer);
    window.removeEventListener('keydown', onKey, true);
    cues.stop();
  });
  return isShown;
}
