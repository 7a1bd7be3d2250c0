// An on-screen keyboard of letters and digits (pinyin initials: `sx` finds 数学), plus delete and clear.
import type { ElementNode } from '@lightningtv/solid';
import { Column, Row } from '@lightningtv/solid/primitives';
import { For } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import { SIZE, SPACE } from '../theme/tokens.ts';
import { Button } from './Button.tsx';

export const KEY_ROWS = ['abcdefg', 'hijklmn', 'opqrstu', 'vwxyz01', '2345678'];

export type KeyboardProps = {
  ref?: ElementNode | ((node: ElementNode) => void);
  onKey: (letter: string) => void;
  onDelete: () => void;
  onClear: () => void;
};

export function Keyboard(props: KeyboardProps) {
  return (
    <Column ref={props.ref} gap={SPACE.xs} scroll="none" autofocus>
      <For each={KEY_ROWS}>
        {(row) => (
          <Row gap={SPACE.xs} scroll="none" height={SIZE.keyHeight}>
            <For each={[...row]}>
              {(letter) => (
                <Button
                  width={SIZE.keyWidth}
                  height={SIZE.keyHeight}
                  label={letter}
                  onEnter={() => props.onKey(letter)}
                />
              )}
            </For>
          </Row>
        )}
      </For>
      <Row gap={SPACE.xs} scroll="none" height={SIZE.keyHeight}>
        <Button
          width={SIZE.keyWidth * 2}
          height={SIZE.keyHeight}
          label="9"
          onEnter={() => props.onKey('9')}
        />
        <Button
          width={SIZE.keyWidth * 2.5}
          height={SIZE.keyHeight}
          label={t('search.delete')}
          onEnter={props.onDelete}
        />
        <Button
          width={SIZE.keyWidth * 2.5}
          height={SIZE.keyHeight}
          label={t('search.clear')}
          onEnter={props.onClear}
        />
      </Row>
    </Column>
  );
}
