// The card that ends watching for now: the day's quota is spent, or it is bedtime. Full screen, so the
// paused lesson does not show behind it; its actions are the Message's.
import { CARE_COLOR } from '../theme/care.ts';
import { SIZE } from '../theme/tokens.ts';
import { Message, type MessageAction } from './Message.tsx';

export function BlockCard(props: { title: string; detail: string; actions: MessageAction[] }) {
  return (
    <view
      width={SIZE.screenWidth}
      height={SIZE.screenHeight}
      color={CARE_COLOR.blockBackground}
      forwardFocus={0}
    >
      <Message title={props.title} detail={props.detail} actions={props.actions} />
    </view>
  );
}
