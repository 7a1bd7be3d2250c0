// "预览中 / Previewing": over every screen while the box shows an operator's draft (api/preview.ts).
import { Show } from 'solid-js';
import { activePreview } from '../api/preview.ts';
import { t } from '../i18n/i18n.ts';
import { COLOR, FONT, SIZE, SPACE } from '../theme/tokens.ts';

const WIDTH = 640;
/** Above the top bar (which starts at SPACE.screenY): it never covers a button. */
const HEIGHT = 40;
const TOP = (SPACE.screenY - HEIGHT) / 2;

function clockTime(at: number): string {
  const time = new Date(at);
  return `${String(time.getHours()).padStart(2, '0')}:${String(time.getMinutes()).padStart(2, '0')}`;
}

export function PreviewBanner() {
  return (
    <Show when={activePreview()}>
      {(preview) => (
        <view
          x={SIZE.screenWidth - SPACE.screenX - WIDTH}
          y={TOP}
          width={WIDTH}
          height={HEIGHT}
          color={COLOR.accent}
          borderRadius={HEIGHT / 2}
          zIndex={50}
        >
          <text
            y={(HEIGHT - FONT.caption * 1.3) / 2}
            width={WIDTH}
            textAlign="center"
            contain="width"
            maxLines={1}
            fontFamily={FONT.family}
            fontSize={FONT.caption}
            color={COLOR.background}
          >
            {t('preview.banner', { code: preview().code, time: clockTime(preview().expiresAt) })}
          </text>
        </view>
      )}
    </Show>
  );
}
