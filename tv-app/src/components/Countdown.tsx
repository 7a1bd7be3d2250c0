// The break card's countdown, drawn without ever changing a text. Renderer 2.23 rasterizes a canvas text into a
// new texture whenever its text changes, and its text node draws nothing until that texture is uploaded and the
// node marked renderable again; a text that changed every second was caught blank (no countdown in the
// screenshot), sometimes for a frame, sometimes for whole seconds. So each place of "m:ss" is a stack of cells,
// one per digit it can show, each an opaque patch of the card's colour holding a fixed one-character text: the
// textures are made once, and a tick only raises the cell with the right digit to the top (zIndex).
import { For } from 'solid-js';
import { CARE_COLOR, CARE_SIZE } from '../theme/care.ts';
import { COLOR, FONT, SIZE } from '../theme/tokens.ts';

const HEIGHT = CARE_SIZE.countdown * 1.4;
const DIGIT_WIDTH = Math.round(CARE_SIZE.countdown * 0.62);
const COLON_WIDTH = Math.round(CARE_SIZE.countdown * 0.36);
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** The places of the clock: tens of minutes ('' hides it), minutes, the colon, tens of seconds, seconds. */
type Places = [string, string, string, string, string];

export function clockPlaces(totalSeconds: number): Places {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const minutes = Math.min(99, Math.floor(seconds / 60));
  const rest = seconds % 60;
  return [
    minutes >= 10 ? String(Math.floor(minutes / 10)) : '',
    String(minutes % 10),
    ':',
    String(Math.floor(rest / 10)),
    String(rest % 10),
  ];
}

const PLACES = [
  { glyphs: ['', ...DIGITS], width: DIGIT_WIDTH },
  { glyphs: DIGITS, width: DIGIT_WIDTH },
  { glyphs: [':'], width: COLON_WIDTH },
  { glyphs: DIGITS.slice(0, 6), width: DIGIT_WIDTH },
  { glyphs: DIGITS, width: DIGIT_WIDTH },
];
const FULL_WIDTH = PLACES.reduce((sum, place) => sum + place.width, 0);

/**
 * `background`: the colour of the cells' patches, the card's behind them (the break card's green by default).
 * `left`: where what shows starts, beside left-aligned text; centred on the screen without it.
 */
export function Countdown(props: { seconds: number; y: number; background?: number; left?: number }) {
  const places = () => clockPlaces(props.seconds);
  // Aligned on what shows: without tens of minutes, the first place is blank and sits before it.
  const blank = () => (places()[0] === '' ? DIGIT_WIDTH : 0);
  const x = () =>
    props.left === undefined ? (SIZE.screenWidth - FULL_WIDTH - blank()) / 2 : props.left - blank();
  return (
    <view x={x()} y={props.y} width={FULL_WIDTH} height={HEIGHT}>
      <For each={PLACES}>
        {(place, index) => (
          <view
            x={PLACES.slice(0, index()).reduce((sum, before) => sum + before.width, 0)}
            width={place.width}
            height={HEIGHT}
          >
            <For each={place.glyphs}>
              {(glyph) => (
                <view
                  width={place.width}
                  height={HEIGHT}
                  color={props.background ?? CARE_COLOR.restBackground}
                  zIndex={places()[index()] === glyph ? 2 : 1}
                >
                  {glyph ? (
                    <text
                      width={place.width}
                      height={HEIGHT}
                      contain="both"
                      textAlign="center"
                      fontFamily={FONT.family}
                      fontSize={CARE_SIZE.countdown}
                      color={COLOR.focus}
                    >
                      {glyph}
                    </text>
                  ) : null}
                </view>
              )}
            </For>
          </view>
        )}
      </For>
    </view>
  );
}
