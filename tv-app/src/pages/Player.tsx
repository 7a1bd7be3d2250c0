// Player: Shaka on the <video> under the transparent canvas; controls, info and messages in Lightning.
import { useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { createSignal, Match, Switch, Show } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import { describeProblem } from '../player/problem.ts';
import { Message } from '../components/Message.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { CONTROLS_PANEL_FRACTION, PlayerControls } from '../player/PlayerControls.tsx';
import { PlayerInfo } from '../player/PlayerInfo.tsx';
import { usePlayback } from '../player/use-playback.ts';
import { usePlayerActions } from '../player/use-player-actions.ts';
import { useControlsVisibility } from '../player/use-controls-visibility.ts';
import { thumbnailAt } from '../player/thumbnails.ts';
import { CareGate } from '../parental/CareGate.tsx';
import { isCareCardShown } from '../parental/care-store.ts';
import { SIZE } from '../theme/tokens.ts';

/** The router keeps this page when only the lesson changes (next lesson): start afresh per lesson. */
export default function Player() {
  const params = useParams();
  return (
    <Show when={params.id} keyed>
      {(lessonId) => <LessonScreen lessonId={lessonId} />}
    </Show>
  );
}

function LessonScreen(props: { lessonId: string }) {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  // ?t= is where to start: a channel's tune-in point, or the lesson page's 继续播放 / 从头播放 choice; without it
  // (a deep link) the lesson resumes where this profile left it.
  const playback = usePlayback(props.lessonId, search.t === undefined ? undefined : Number(search.t) || 0);
  const [isInfoShown, setInfoShown] = createSignal(false);
  const controls = usePlayerActions(playback, {
    toggleInfo: () => setInfoShown((shown) => !shown),
    playNext: (id) => {
      playback.leaveBy('stop');
      navigate(`/play/${encodeURIComponent(id)}`, { replace: true });
    },
  });
  const isControlsShown = useControlsVisibility(
    playback.video,
    CONTROLS_PANEL_FRACTION,
    controls.captionSize,
    isCareCardShown,
  );
  const preview = () => {
    const target = controls.scrubTarget();
    return target === undefined ? undefined : thumbnailAt(playback.thumbnails(), target);
  };

  return (
    <view
      width={SIZE.screenWidth}
      height={SIZE.screenHeight}
      onPlayPause={controls.togglePlay}
      onPlay={controls.togglePlay}
      onPause={controls.togglePlay}
      onRewind={() => controls.scrub(-1)}
      onFastForward={() => controls.scrub(1)}
      onInfo={() => setInfoShown((shown) => !shown)}
      onBack={() => {
        playback.leaveBy('back');
        navigate(-1);
        return true;
      }}
      onStop={() => {
        playback.leaveBy('stop');
        navigate(-1);
        return true;
      }}
    >
      <Switch>
        <Match when={playback.problem()}>
          {(problem) => (
            <Message
              {...describeProblem(problem())}
              actions={[{ label: t('message.back'), onEnter: () => navigate(-1) }]}
            />
          )}
        </Match>
        <Match when={true}>
          <Show when={playback.isBuffering()}>
            <Spinner x={(SIZE.screenWidth - 96) / 2} y={(SIZE.screenHeight - 96) / 2} />
          </Show>
          <Show when={playback.isStalled()}>
            <Message title={t('player.stalled')} isBusy />
          </Show>
          <Show when={isInfoShown()}>
            <PlayerInfo playback={playback} />
          </Show>
          <PlayerControls
            time={playback.time()}
            duration={playback.duration()}
            scrubTarget={controls.scrubTarget()}
            preview={preview()}
            actions={controls.actions}
            onScrub={controls.scrub}
            isShown={isControlsShown()}
          />
          <CareGate video={playback.video} onLeave={() => navigate(-1)} />
        </Match>
      </Switch>
    </view>
  );
}
