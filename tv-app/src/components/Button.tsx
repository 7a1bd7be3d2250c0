import type { NodeProps } from '@lightningtv/solid';
import { COLOR, FONT, SIZE } from '../theme/tokens.ts';
import { FOCUSABLE_SURFACE } from '../theme/styles.ts';

export type ButtonProps = NodeProps & { label: string; onEnter?: () => boolean | void };

export function Button(props: ButtonProps) {
  return (
    <view
      width={SIZE.buttonWidth}
      height={SIZE.buttonHeight}
      // Given before the spread: styles are locked once set, so a caller's `style` must be the first one.
      style={props.style ?? FOCUSABLE_SURFACE}
      {...props}
      onEnter={() => {
        props.onEnter?.();
        return true;
      }}
    >
      <text
        fontFamily={FONT.family}
        fontSize={FONT.body}
        color={COLOR.text}
        y={(SIZE.buttonHeight - FONT.body * 1.3) / 2}
        width={(props.width as number | undefined) ?? SIZE.buttonWidth}
        textAlign="center"
        contain="width"
        maxLines={1}
      >
        {props.label}
      </text>
    </view>
  );
}
