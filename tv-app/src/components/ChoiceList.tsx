// A titled vertical list of choices (one Browse column). Focus chooses; OK moves on.
// Index keeps each button node while labels change, so focus is never dropped by a refresh.
import { Column } from '@lightningtv/solid/primitives';
import { Index, Show } from 'solid-js';
import { COLOR, FONT, SIZE, SPACE } from '../theme/tokens.ts';
import { Button } from './Button.tsx';

export type Choice = { id: string; label: string };
export type ChoiceListProps = {
  heading: string;
  choices: Choice[];
  chosenId: string | undefined;
  width: number;
  onChoose: (id: string) => void;
  onEnter?: (id: string) => void;
};

export function ChoiceList(props: ChoiceListProps) {
  const selected = () =>
    Math.max(
      0,
      props.choices.findIndex((choice) => choice.id === props.chosenId),
    );
  return (
    <view width={props.width} height={SIZE.screenHeight - 200} forwardFocus={1}>
      <text fontFamily={FONT.family} fontSize={FONT.caption} color={COLOR.textMuted}>
        {props.heading}
      </text>
      {/* An empty navigable loops in the focus manager: only draw the list with choices. */}
      <Show when={props.choices.length > 0}>
        <Column y={56} gap={SPACE.sm} selected={selected()} scroll="auto">
          <Index each={props.choices}>
            {(choice) => (
              <Button
                width={props.width - SPACE.md}
                label={choice().label}
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
