// The card that ends watching for now: the day's quota is spent, or it is bedtime. Full screen, so the
// paused lesson does not show behind it: a picture, what happened, and what can be done.
import { Row } from '@lightningtv/solid/primitives';
import { For } from 'solid-js';
import { wrapCjk } from '../i18n/wrap-cjk.ts';
import { CARE_COLOR, CARE_SIZE } from '../theme/care.ts';
import { TEXT_HERO } from '../theme/styles.ts';
import { COLOR, FONT, SIZE, SPACE } from '../theme/tokens.ts';
import { Button } from './Button.tsx';
import { CareIcon } from './CareIcon.tsx';

export type BlockCardAction = { label: string; onEnter: () => void };
export type BlockCardProps = {
  icon: 'moon' | 'clock';
  title: string;
  detail: string;
  actions: BlockCardAction[];
};

const ICON_Y = 200;
const TITLE_Y = ICON_Y + CARE_SIZE.icon + SPACE.xl;
const TEXT_WIDTH = CARE_SIZE.cardPanelWidth;

export function BlockCard(props: BlockCardProps) {
  const rowWidth = () => props.actions.length * (SIZE.buttonWidth + SPACE.lg) - SPACE.lg;
  return (
    <view
      width={SIZE.screenWidth}
      height={SIZE.screenHeight}
      color={CARE_COLOR.blockBackground}
      forwardFocus={3}
    >
      <CareIcon
        kind={props.icon}
        background={CARE_COLOR.blockBackground}
        x={(SIZE.screenWidth - CARE_SIZE.icon) / 2}
        y={ICON_Y}
      />
      <text
        style={TEXT_HERO}
        x={(SIZE.screenWidth - TEXT_WIDTH) / 2}
        y={TITLE_Y}
        width={TEXT_WIDTH}
        textAlign="center"
        contain="width"
        maxLines={1}
      >
        {props.title}
      </text>
      <text
        x={(SIZE.screenWidth - TEXT_WIDTH) / 2}
        y={TITLE_Y + 110}
        width={TEXT_WIDTH}
        textAlign="center"
        contain="width"
        maxLines={2}
        fontFamily={FONT.family}
        fontSize={FONT.body}
        color={COLOR.textMuted}
      >
        {wrapCjk(props.detail)}
      </text>
      <Row
        x={(SIZE.screenWidth - rowWidth()) / 2}
        y={TITLE_Y + 230}
        width={rowWidth()}
        height={SIZE.buttonHeight}
        gap={SPACE.lg}
        scroll="none"
        autofocus
      >
        <For each={props.actions}>
          {(action) => <Button label={action.label} color={COLOR.surfaceRaised} onEnter={action.onEnter} />}
        </For>
      </Row>
    </view>
  );
}
