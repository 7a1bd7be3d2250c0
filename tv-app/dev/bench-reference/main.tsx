// The benchmark's reference page (tools/bench/tv): the same renderer, framework, virtualised lists, focus
// style and key handling as the app's Home, drawing 30 rails × 50 plain tiles: no text, hero or images.
// Frame rates in headless Chromium measure software GL, so the app's are only read beside this page's.
import { activeElement, Config, createRenderer, type NodeStyles } from '@lightningtv/solid';
import { useFocusManager, VirtualColumn, VirtualRow } from '@lightningtv/solid/primitives';
import { FOCUSABLE_SURFACE } from '../../src/theme/styles.ts';
import { SIZE, SPACE } from '../../src/theme/tokens.ts';
import { DEFAULT_CONFIG } from '../../src/config.ts';
import { baseRendererOptions } from '../../src/renderer-options.ts';

const RAILS = 30;
const TILES = 50;
const RAIL_HEIGHT = SIZE.tileHeight + 120;
const TILE: NodeStyles = { ...FOCUSABLE_SURFACE, width: SIZE.tileWidth, height: SIZE.tileHeight };
const rails = Array.from({ length: RAILS }, (_, r) => ({
  id: `rail-${r}`,
  tiles: Array.from({ length: TILES }, (_, t) => `tile-${r}-${t}`),
}));

Config.throttleInput = DEFAULT_CONFIG.keyRepeatMs;
Config.rendererOptions = baseRendererOptions();
const { render, renderer } = createRenderer();
(window as unknown as { __ketang: unknown }).__ketang = {
  renderer,
  focusedText: () => activeElement()?.id ?? '',
  activeElement,
};

render(() => {
  useFocusManager();
  return (
    <view width={SIZE.screenWidth} height={SIZE.screenHeight - 420} y={420} clipping>
      <VirtualColumn
        y={SPACE.md}
        each={rails}
        displaySize={2}
        bufferSize={1}
        gap={0}
        scroll="always"
        autofocus
      >
        {(rail) => (
          <view width={SIZE.screenWidth} height={RAIL_HEIGHT} forwardFocus={0}>
            <VirtualRow
              x={SPACE.screenX}
              y={60}
              height={SIZE.tileHeight}
              gap={SPACE.lg}
              each={rail().tiles}
              displaySize={5}
              bufferSize={2}
              scroll="auto"
            >
              {(tile) => <view id={tile()} style={TILE} />}
            </VirtualRow>
          </view>
        )}
      </VirtualColumn>
    </view>
  );
});
