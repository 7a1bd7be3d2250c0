// How far the active profile got in a tile's lesson: a bar along the tile's bottom edge, and a "done" pill
// once the lesson counts as completed. Placed by the tile; draws nothing for a lesson not started.
import { Show } from 'solid-js';
import type { TileProgress as Progress } from '../api/formatters/tile.formatter.ts';
import { t } from '../i18n/i18n.ts';
import { CentredText } from './CentredText.tsx';
import { COLOR, FONT, SIZE, SPACE } from '../theme/tokens.ts';

const BAR_HEIGHT = SIZE.progressHeight / 2;
const PILL = { width: 120, height: 44 } as const;

export function TileProgress(props: { progress: Progress | undefined }) {
  return (
    <Show when={props.progress}>
      {(progress) => (
        <view>
          <view
            x={SPACE.md}
            y={SIZE.tileHeight - BAR_HEIGHT - SPACE.xs}
            width={SIZE.tileWidth - SPACE.md * 2}
            height={BAR_HEIGHT}
            color={COLOR.progressTrack}
            borderRadius={BAR_HEIGHT / 2}
          >
            <view
              width={(SIZE.tileWidth - SPACE.md * 2) * progress().fraction}
              height={BAR_HEIGHT}
              color={COLOR.progressFill}
              borderRadius={BAR_HEIGHT / 2}
            />
          </view>
          <Show when={progress().isCompleted}>
            <view
              x={SIZE.tileWidth - PILL.width - SPACE.sm}
              y={SPACE.sm}
              width={PILL.width}
              height={PILL.height}
              color={COLOR.done}
              borderRadius={PILL.height / 2}
            >
              <CentredText
                y={(PILL.height - FONT.caption * 1.3) / 2}
                width={PILL.width}
                fontSize={FONT.caption}
                color={COLOR.textOnFocus}
                text={t('tile.completed')}
              />
            </view>
          </Show>
        </view>
      )}
    </Show>
  );
}
