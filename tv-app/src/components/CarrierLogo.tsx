// The carrier's logo on the home's top bar, left of the navigation; nothing without a carrier's branding.
import { Show } from 'solid-js';
import { getConfig } from '../config.ts';
import { SIZE, SPACE } from '../theme/tokens.ts';

/** How far the navigation moves right to make room for the logo. */
export function carrierLogoInset(): number {
  return getConfig().branding ? SIZE.logoWidth + SPACE.md : 0;
}

export function CarrierLogo() {
  const logo = getConfig().branding?.logo;
  return (
    <Show when={logo}>
      <view
        x={SPACE.screenX}
        y={SPACE.screenY + (SIZE.buttonHeight - SIZE.logoHeight) / 2}
        width={SIZE.logoWidth}
        height={SIZE.logoHeight}
        src={logo}
      />
    </Show>
  );
}
