// A titled vertical list of choices (one Browse column). Focus chooses; OK moves on.
// Index keeps each button node while labels change, so focus is never dropped by a refresh.
import { Column } from '@lightningtv/solid/primitives';
import { Index, Show } from 'solid-js';
import { wrapCjk } from '../i18n/wrap-cjk.ts';
import { COLOR, FONT, SIZE, SPACE } from '../theme/tokens.ts';
import { Button } from './Button.tsx';
import { fitColumnWidth } from './label-width.ts';

export type Choice = { id: string; label: string };
export type ChoiceListProps = {
  heading: string;
  choices: Choice[];
  chosenId: string | undefined;
  width: number;
  /** Widen up to this so the longest label fits on one line (else labels that overflow end in …). */
  maxWidth?: number;
  onChoose: (id: string) => void;
  onEnter?: (id: string) => void;
};

/** The list's inset from the column edge, plus room on both sides of a label inside its button. */
const LABEL_INSET = SPACE.md * 3;

export function ChoiceList(props: ChoiceListProps) {
  const width = () =>
    fitColumnWidth(
      props.choices.map((choice) => choice.label),
      { min: props.width, max: props.maxWidth ?? props.width, fontSize: FONT.body, inset: LABEL_INSET },
    );
  const selected = () =>
    Math.max(
      0,
      props.choices.findIndex((choice) => choice.id === props.chosenId),
    );
  return (
    <view width={width()} height={SIZE.screenHeight - 200} forwardFocus={1}>
      <text fontFamily={FONT.family} fontSize={FONT.caption} color={COLOR.textMuted}>
        {props.heading}
      </text>
      {/* An empty navigable loops in the focus manager: only draw the list with choices. */}
      <Show when={props.choices.length > 0}>
        <Column y={56} gap={SPACE.sm} selected={selected()} scroll="auto">
          <Index each={props.choices}>
            {(choice) => (
              <Button
                width={width() - SPACE.md}
                label={wrapCjk(choice().label)}
                color={choice().id === props.chosenId ? COLOR.surfaceRaised : COLOR.surface}
                onFocus={() => props.onChoose(choice().id)}
                onEnter={() => props.onEnter?.(choice().id)}
              />
            )}
          </Index>
        </Column>
      </Show>
    </view>
  );
}
