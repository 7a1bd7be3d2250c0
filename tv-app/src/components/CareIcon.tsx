// The pictures of the care cards, drawn with plain nodes (no image to load): a crescent moon with stars for
// bedtime, a clock at twelve for a spent quota.
import { Index } from 'solid-js';
import { CARE_COLOR, CARE_SIZE } from '../theme/care.ts';

const D = CARE_SIZE.icon;
const STARS = [
  { x: D * 0.95, y: D * 0.05, size: 18 },
  { x: D * 1.1, y: D * 0.4, size: 12 },
  { x: D * 1.2, y: D * 0.72, size: 14 }, // clear of the crescent's lower tip
];

function Moon(props: { background: number }) {
  return (
    <view width={D} height={D}>
      <view width={D} height={D} borderRadius={D / 2} color={CARE_COLOR.moon} />
      <view
        x={D * 0.32}
        y={-D * 0.12}
        width={D * 0.9}
        height={D * 0.9}
        borderRadius={D * 0.45}
        color={props.background}
      />
      <Index each={STARS}>
        {(star) => (
          <view
            x={star().x}
            y={star().y}
            width={star().size}
            height={star().size}
            borderRadius={star().size / 2}
            color={CARE_COLOR.star}
          />
        )}
      </Index>
    </view>
  );
}

function Clock(props: { background: number }) {
  const ring = D * 0.08;
  const hand = D * 0.06;
  return (
    <view width={D} height={D}>
      <view width={D} height={D} borderRadius={D / 2} color={CARE_COLOR.clockFace} />
      <view
        x={ring}
        y={ring}
        width={D - ring * 2}
        height={D - ring * 2}
        borderRadius={D / 2 - ring}
        color={props.background}
      />
      <view
        x={(D - hand) / 2}
        y={D * 0.18}
        width={hand}
        height={D * 0.34}
        borderRadius={hand / 2}
        color={CARE_COLOR.clockFace}
      />
      <view
        x={(D - hand) / 2}
        y={D * 0.26}
        width={hand}
        height={D * 0.26}
        borderRadius={hand / 2}
        color={CARE_COLOR.moon}
      />
      <view
        x={(D - hand * 2) / 2}
        y={(D - hand * 2) / 2}
        width={hand * 2}
        height={hand * 2}
        borderRadius={hand}
        color={CARE_COLOR.clockFace}
      />
    </view>
  );
}

export function CareIcon(props: { kind: 'moon' | 'clock'; background: number; x: number; y: number }) {
  return (
    <view x={props.x} y={props.y} width={D} height={D}>
      {props.kind === 'moon' ? (
        <Moon background={props.background} />
      ) : (
        <Clock background={props.background} />
      )}
    </view>
  );
}
