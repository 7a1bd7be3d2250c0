// A QR code big enough to scan from the sofa, drawn with Lightning rects on a white quiet zone (no image, no
// network): the phone link card and the activation screen. Placed with its right edge at `right`, centred
// vertically on the screen.
import { createMemo, For, Show } from 'solid-js';
import { qrMatrix, QR_QUIET_MODULES } from '../parental/qr-matrix.ts';
import { SIZE } from '../theme/tokens.ts';

const QR_DARK = 0x000000ff;
const QR_LIGHT = 0xffffffff;
const MIN_MODULE_PX = 4;

export function QrCode(props: { text: string | undefined; targetPx: number; right: number }) {
  const code = createMemo(() => {
    if (!props.text) return undefined;
    const matrix = qrMatrix(props.text);
    const module = Math.max(MIN_MODULE_PX, Math.round(props.targetPx / matrix.modules));
    const side = (matrix.modules + QR_QUIET_MODULES * 2) * module;
    return { ...matrix, module, side };
  });
  return (
    <Show when={code()}>
      {(qr) => (
        <view
          x={props.right - qr().side}
          y={(SIZE.screenHeight - qr().side) / 2}
          width={qr().side}
          height={qr().side}
          color={QR_LIGHT}
          borderRadius={8}
        >
          <For each={qr().runs}>
            {(run) => (
              <view
                x={(run.col + QR_QUIET_MODULES) * qr().module}
                y={(run.row + QR_QUIET_MODULES) * qr().module}
                width={run.length * qr().module}
                height={qr().module}
                color={QR_DARK}
              />
            )}
          </For>
        </view>
      )}
    </Show>
  );
}
