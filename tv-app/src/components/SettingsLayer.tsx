// A full screen over the Settings page (allow-list picker, phone link): Back closes it, not the page.
import type { JSX } from 'solid-js';
import { COLOR, SIZE } from '../theme/tokens.ts';

export type SettingsLayerProps = {
  /** The child that takes focus (its index among this layer's children). */
  focusIndex: number;
  onClose: () => void;
  children: JSX.Element;
};

export function SettingsLayer(props: SettingsLayerProps) {
  return (
    <view
      width={SIZE.screenWidth}
      height={SIZE.screenHeight}
      color={COLOR.background}
      zIndex={5}
      forwardFocus={props.focusIndex}
      onBack={() => {
        props.onClose();
        return true;
      }}
    >
      {props.children}
    </view>
  );
}
