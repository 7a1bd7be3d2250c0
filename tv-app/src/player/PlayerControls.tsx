// The player's controls, drawn in Lightning above the video: a scrub bar and a row of buttons.
import type { ElementNode } from '@lightningtv/solid';
import { Row } from '@lightningtv/solid/primitives';
import { For, Show } from 'solid-js';
import { formatClock } from '../api/formatters/time.formatter.ts';
import { Button } from '../components/Button.tsx';
import { COLOR, FONT, SIZE, SPACE } from '../theme/tokens.ts';
import type { ThumbnailCue } from './thumbnails.ts';

/** Stable objects with a reactive label, so relabelling a button never recreates it (focus stays). */
export type ControlAction = { id: string; label: () => string; onEnter: () => void };
export type PlayerControlsProps = {
  time: number;
  duration: number;
  scrubTarget: number | undefined;
  preview: ThumbnailCue | undefined;
  actions: ControlAction[];
  onScrub: (direction: -1 | 1) => boolean;
  /** Hidden controls keep focus (the next key brings them back where they were). */
  isShown: boolean;
};

const BAR_X = SPACE.screenX;
const BAR_WIDTH = SIZE.screenWidth - SPACE.screenX * 2;
const PANEL_Y = SIZE.screenHeight - 260;
/** The share of the picture the panel covers (captions are lifted above it). */
export const CONTROLS_PANEL_FRACTION = (SIZE.screenHeight - PANEL_Y) / SIZE.screenHeight;
const BUTTON_WIDTH = 176;

export function PlayerControls(props: PlayerControlsProps) {
  let bar: ElementNode | undefined;
  const fraction = (seconds: number) => (props.duration > 0 ? Math.min(1, seconds / props.duration) : 0);
  const shownTime = () => props.scrubTarget ?? props.time;
  return (
    <view
      y={PANEL_Y}
      width={SIZE.screenWidth}
      height={SIZE.screenHeight - PANEL_Y}
      color={COLOR.scrim}
      alpha={props.isShown ? 1 : 0}
      forwardFocus={1}
    >
      <Show when={props.preview}>
        {(cue) => (
          <view
            x={BAR_X + fraction(shownTime()) * BAR_WIDTH - SIZE.thumbnailWidth / 2}
            y={-SIZE.thumbnailHeight - SPACE.lg}
            width={SIZE.thumbnailWidth}
            height={SIZE.thumbnailHeight}
            src={cue().url}
            srcX={cue().x}
            srcY={cue().y}
            srcWidth={cue().width}
            srcHeight={cue().height}
            border={{ color: COLOR.focus, width: 4 }}
          />
        )}
      </Show>
      <view
        ref={bar}
        x={BAR_X}
        y={SPACE.lg}
        width={BAR_WIDTH}
        height={SIZE.progressHeight}
        color={COLOR.progressTrack}
        onLeft={() => props.onScrub(-1)}
        onRight={() => props.onScrub(1)}
        style={{ $focus: { height: SIZE.progressHeight * 2, border: { color: COLOR.focus, width: 4 } } }}
        onDown={() => {
          bar?.parent?.children[2]?.setFocus();
          return true;
        }}
      >
        <view
          width={fraction(shownTime()) * BAR_WIDTH}
          height={SIZE.progressHeight}
          color={COLOR.progressFill}
        />
      </view>
      <Row
        x={BAR_X}
        y={SPACE.lg + SIZE.progressHeight + SPACE.lg}
        height={SIZE.buttonHeight}
        gap={SPACE.sm}
        scroll="none"
        autofocus
        onUp={() => {
          bar?.setFocus();
          return true;
        }}
      >
        <For each={props.actions}>
          {(action) => <Button width={BUTTON_WIDTH} label={action.label()} onEnter={action.onEnter} />}
        </For>
      </Row>
      <text
        x={BAR_X}
        y={SPACE.lg + SIZE.progressHeight + SPACE.lg * 2 + SIZE.buttonHeight}
        fontFamily={FONT.family}
        fontSize={FONT.caption}
        color={COLOR.text}
      >
        {`${formatClock(shownTime())} / ${formatClock(props.duration)}`}
      </text>
    </view>
  );
}
