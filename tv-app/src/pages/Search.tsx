// Search: type pinyin initials or letters on the on-screen keyboard; results appear as you type.
import type { ElementNode } from '@lightningtv/solid';
import { useNavigate } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { lessonTile } from '../api/formatters/tile.formatter.ts';
import { searchCatalogue } from '../api/providers/search.provider.ts';
import { ChoiceList } from '../components/ChoiceList.tsx';
import { Keyboard } from '../components/Keyboard.tsx';
import { pickText, t } from '../i18n/i18n.ts';
import { COLOR, FONT, SIZE, SPACE } from '../theme/tokens.ts';

const TYPING_PAUSE_MS = 250;
const RESULTS_WIDTH = 900;
const RESULTS_X = 760;

export default function Search() {
  const navigate = useNavigate();
  const [query, setQuery] = createSignal('');
  const [settled, setSettled] = createSignal('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const type = (next: string) => {
    setQuery(next);
    clearTimeout(timer);
    timer = setTimeout(() => setSettled(next), TYPING_PAUSE_MS);
  };
  const [found] = createResource(settled, searchCatalogue);
  let keyboard: ElementNode | undefined;
  let results: ElementNode | undefined;
  const tiles = () => (found.state === 'ready' ? found()!.lessons.map(lessonTile) : []);
  const subjects = () =>
    found.state === 'ready'
      ? found()!
          .subjects.map((s) => pickText(s.name))
          .join('、')
      : '';

  return (
    <view x={SPACE.screenX} y={SPACE.screenY}>
      <text fontFamily={FONT.family} fontSize={FONT.title} color={COLOR.text}>
        {query() ? query() : t('search.hint')}
      </text>
      {/* Fixed positions, not a flex row: results appear and vanish while typing. */}
      <view
        y={100}
        onRight={() => {
          if (!tiles().length) return false;
          results?.setFocus();
          return true;
        }}
      >
        <Keyboard
          ref={keyboard}
          onKey={(letter) => type(query() + letter)}
          onDelete={() => type(query().slice(0, -1))}
          onClear={() => type('')}
        />
      </view>
      <view
        ref={results}
        x={RESULTS_X}
        y={100}
        forwardFocus={0}
        onLeft={() => {
          keyboard?.setFocus();
          return true;
        }}
      >
        <Show
          when={tiles().length > 0}
          fallback={
            <text width={RESULTS_WIDTH} fontFamily={FONT.family} fontSize={FONT.body} color={COLOR.textMuted}>
              {settled() && found.state === 'ready' ? t('search.noResults', { query: settled() }) : ''}
            </text>
          }
        >
          <ChoiceList
            heading={subjects() ? `${t('search.subjects')}：${subjects()}` : t('browse.lessons')}
            // Titles repeat across grades and editions: each row says whose lesson it is.
            choices={tiles().map((tile) => ({ id: tile.id, label: `${tile.title}\u3000${tile.detail}` }))}
            chosenId={undefined}
            width={RESULTS_WIDTH}
            onChoose={() => undefined}
            onEnter={(id) => navigate(`/lesson/${encodeURIComponent(id)}`)}
          />
        </Show>
      </view>
      <text
        y={SIZE.screenHeight - SPACE.screenY * 3}
        fontFamily={FONT.family}
        fontSize={FONT.caption}
        color={COLOR.textMuted}
      >
        {t('search.hint')}
      </text>
    </view>
  );
}
