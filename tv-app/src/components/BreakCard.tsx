// The eye-rest break: a full-screen calm card with the countdown and the eye exercise. Playback waits
// until the countdown ends, or until a parent ends the break with the PIN.
import { Row } from '@lightningtv/solid/primitives';
import { t } from '../i18n/i18n.ts';
import { CARE_COLOR, CARE_SIZE } from '../theme/care.ts';
import { TEXT_HERO } from '../theme/styles.ts';
import { SIZE, SPACE } from '../theme/tokens.ts';
import { Button } from './Button.tsx';
import { Countdown } from './Countdown.tsx';
import { EyeExercise } from './EyeExercise.tsx';

export function BreakCard(props: { secondsLeft: number; onUnlock: () => void }) {
  return (
    <view
      width={SIZE.screenWidth}
      height={SIZE.screenHeight}
      color={CARE_COLOR.restBackground}
      forwardFocus={3}
    >
      <text style={TEXT_HERO} y={SPACE.xl} width={SIZE.screenWidth} textAlign="center" contain="width">
        {t('care.break.title')}
      </text>
      <Countdown seconds={props.secondsLeft} y={SPACE.xl + 88} />
      <EyeExercise x={(SIZE.screenWidth - CARE_SIZE.eyeTrackWidth) / 2} y={340} />
      <Row
        x={(SIZE.screenWidth - SIZE.buttonWidth) / 2}
        y={SIZE.screenHeight - SPACE.xl - SIZE.buttonHeight}
        width={SIZE.buttonWidth}
        height={SIZE.buttonHeight}
        scroll="none"
        autofocus
      >
        <Button label={t('care.parentUnlock')} onEnter={props.onUnlock} />
      </Row>
    </view>
  );
}
