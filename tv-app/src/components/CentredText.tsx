// A line of text centred across a width (the whole screen unless told): page titles, their step hints, a
// pill's label. Hero type in the text colour unless told.
import { COLOR, FONT, SIZE } from '../theme/tokens.ts';

export type CentredTextProps = {
  text: string;
  y: number;
  width?: number;
  fontSize?: number;
  color?: number;
};

export function CentredText(props: CentredTextProps) {
  return (
    <text
      y={props.y}
      width={props.width ?? SIZE.screenWidth}
      textAlign="center"
      contain="width"
      fontFamily={FONT.family}
      fontSize={props.fontSize ?? FONT.hero}
      color={props.color ?? COLOR.text}
    >
      {props.text}
    </text>
  );
}
