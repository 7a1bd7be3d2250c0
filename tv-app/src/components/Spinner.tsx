import type { ElementNode } from '@lightningtv/solid';
import { onCleanup } from 'solid-js';
import { COLOR, SIZE } from '../theme/tokens.ts';

const SPIN_MS = 900;

/** A turning ring segment: three blocks on a rotating node (no shader, cheap on boxes). */
export function Spinner(props: { x?: number; y?: number }) {
  let node: ElementNode | undefined;
  const timer = setInterval(() => {
    if (node) node.rotation = ((node.rotation ?? 0) + Math.PI / 6) % (Math.PI * 2);
  }, SPIN_MS / 12);
  onCleanup(() => clearInterval(timer));
  return (
    <view ref={node} x={props.x ?? 0} y={props.y ?? 0} width={96} height={96} pivot={0.5}>
      <view x={40} y={0} width={16} height={32} color={COLOR.focus} borderRadius={SIZE.radius / 2} />
      <view x={64} y={40} width={32} height={16} color={COLOR.textMuted} borderRadius={SIZE.radius / 2} />
      <view x={40} y={64} width={16} height={32} color={COLOR.surfaceFocus} borderRadius={SIZE.radius / 2} />
    </view>
  );
}
