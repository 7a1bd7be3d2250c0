// What the player's buttons and media keys do, with labels that follow the state.
import { createSignal } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import { CAPTION_SIZES, type CaptionSize } from './lesson-player.ts';
import { clampTime, scrubStep } from './scrub.ts';
import type { ControlAction } from './PlayerControls.tsx';
import type { usePlayback } from './use-playback.ts';

const SPEEDS = [1, 1.25, 1.5, 2, 0.75];
const SCRUB_COMMIT_MS = 700;

type Playback = ReturnType<typeof usePlayback>;
type Callbacks = { toggleInfo: () => void; playNext: (lessonId: string) => void };

function nextOf<T>(list: readonly T[], current: T): T {
  return list[(list.indexOf(current) + 1) % list.length]!;
}

export function usePlayerActions(playback: Playback, callbacks: Callbacks) {
  const [scrubTarget, setScrubTarget] = createSignal<number>();
  const [captionSize, setCaptionSize] = createSignal<CaptionSize>('medium');
  const [captionLanguage, setCaptionLanguage] = createSignal<string>();
  const [speed, setSpeed] = createSignal(1);
  let repeats = 0;
  let commitTimer: ReturnType<typeof setTimeout> | undefined;

  const togglePlay = () => {
    const video = playback.video;
    if (video.paused) void video.play().catch(() => undefined);
    else video.pause();
    return true;
  };

  const scrub = (direction: -1 | 1) => {
    const base = scrubTarget() ?? playback.video.currentTime;
    setScrubTarget(clampTime(base + direction * scrubStep(repeats++), playback.duration()));
    clearTimeout(commitTimer);
    commitTimer = setTimeout(() => {
      const target = scrubTarget();
      if (target !== undefined) playback.video.currentTime = target;
      setScrubTarget(undefined);
      repeats = 0;
    }, SCRUB_COMMIT_MS);
    return true;
  };

  const seekBy = (seconds: number) => {
    playback.video.currentTime = clampTime(playback.video.currentTime + seconds, playback.duration());
  };

  const toggleCaptions = () => {
    const player = playback.player();
    if (!player) return;
    const languages = player.captionLanguages();
    const next = captionLanguage() === undefined ? languages[0] : undefined;
    player.setCaptions(next);
    setCaptionLanguage(next);
  };

  const actions: ControlAction[] = [
    {
      id: 'play',
      label: () => (playback.isPaused() ? t('player.play') : t('player.pause')),
      onEnter: togglePlay,
    },
    { id: 'back10', label: () => t('player.back10'), onEnter: () => seekBy(-10) },
    { id: 'forward10', label: () => t('player.forward10'), onEnter: () => seekBy(10) },
    {
      id: 'captions',
      label: () =>
        captionLanguage() ? t('player.captionsOn', { label: captionLanguage()! }) : t('player.captionsOff'),
      onEnter: toggleCaptions,
    },
    {
      id: 'captionSize',
      label: () => t('player.captionSize', { size: t(`player.captionSize.${captionSize()}`) }),
      onEnter: () => {
        const next = nextOf(CAPTION_SIZES, captionSize());
        playback.player()?.setCaptionSize(next);
        setCaptionSize(next);
      },
    },
    {
      id: 'speed',
      label: () => t('player.speed', { speed: `${speed()}×` }),
      onEnter: () => {
        const next = nextOf(SPEEDS, speed());
        playback.video.playbackRate = next;
        setSpeed(next);
      },
    },
    {
      id: 'quality',
      label: () =>
        t('player.quality', {
          quality: playback.qualityHeight() ? `${playback.qualityHeight()}p` : t('player.qualityAuto'),
        }),
      onEnter: playback.cycleQuality,
    },
    {
      id: 'next',
      label: () => t('player.next'),
      onEnter: () => {
        const next = playback.lesson()?.next;
        if (next) callbacks.playNext(next.id);
      },
    },
    { id: 'info', label: () => t('player.info'), onEnter: callbacks.toggleInfo },
  ];

  const qualityHeight = playback.qualityHeight;
  return { actions, scrub, scrubTarget, togglePlay, captionLanguage, captionSize, qualityHeight, speed };
}
