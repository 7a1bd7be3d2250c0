// The eye exercise of the break card: a dot to follow with the eyes, drawn with Lightning nodes only.
// It runs a figure-eight (a lemniscate of Gerono) and then near-far (the dot grows and shrinks), with one
// instruction line for each. The dot is moved through its node, not through signals: no re-render per frame.
import type { ElementNode } from '@lightningtv/solid';
import { createSignal, Index, onCleanup } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import { CARE_COLOR, CARE_MOTION, CARE_SIZE } from '../theme/care.ts';
import { TEXT_HEADING } from '../theme/styles.ts';
import { eyeDotAt } from '../parental/eye-path.ts';

const TRACK_MARKS = 24;

export function EyeExercise(props: { x: number; y: number }) {
  const width = CARE_SIZE.eyeTrackWidth;
  const height = CARE_SIZE.eyeTrackHeight;
  const dotSize = CARE_SIZE.eyeDot;
  const [phase, setPhase] = createSignal<'eight' | 'nearFar'>('eight');
  let dot: ElementNode | undefined;
  const started = Date.now();

  const timer = setInterval(() => {
    const at = eyeDotAt(Date.now() - started);
    if (at.phase !== phase()) setPhase(at.phase);
    if (!dot) return;
    dot.x = ((at.x + 1) / 2) * (width - dotSize);
    dot.y = ((at.y + 1) / 2) * (height - dotSize);
    dot.scale = at.scale;
  }, CARE_MOTION.frameMs);
  onCleanup(() => clearInterval(timer));

  // Faint marks along the figure-eight, so the eyes know the way before the dot shows it.
  const marks = Array.from({ length: TRACK_MARKS }, (_, i) =>
    eyeDotAt((i / TRACK_MARKS) * CARE_MOTION.eightLapMs),
  );

  return (
    <view x={props.x} y={props.y} width={width} height={height + 120}>
      <view width={width} height={height} alpha={phase() === 'eight' ? 1 : 0}>
        <Index each={marks}>
          {(mark) => (
            <view
              x={((mark().x + 1) / 2) * (width - dotSize) + dotSize / 2 - 6}
              y={((mark().y + 1) / 2) * (height - dotSize) + dotSize / 2 - 6}
              width={12}
              height={12}
              borderRadius={6}
              color={CARE_COLOR.eyeTrack}
            />
          )}
        </Index>
      </view>
      <view
        ref={dot}
        x={(width - dotSize) / 2}
        y={(height - dotSize) / 2}
        width={dotSize}
        height={dotSize}
        borderRadius={dotSize / 2}
        pivot={0.5}
        color={CARE_COLOR.eyeDot}
      />
      <text
        style={TEXT_HEADING}
        y={height + 56}
        width={width}
        textAlign="center"
        contain="width"
        maxLines={1}
      >
        {phase() === 'eight' ? t('care.break.followEight') : t('care.break.nearFar')}
      </text>
    </view>
  );
}
