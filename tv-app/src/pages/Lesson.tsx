// Lesson: title, teacher, duration, periods, description, documents, related lessons; OK plays.
import { Row } from '@lightningtv/solid/primitives';
import { useNavigate, useParams } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { lessonView } from '../api/formatters/lesson.formatter.ts';
import { fetchLesson } from '../api/providers/catalog.provider.ts';
import { Button } from '../components/Button.tsx';
import { Loader } from '../components/Loader.tsx';
import { Tile } from '../components/Tile/Tile.tsx';
import { preloadLesson } from '../api/preload/lesson.preload.ts';
import { t } from '../i18n/i18n.ts';
import { COLOR, FONT, SIZE, SPACE } from '../theme/tokens.ts';

const TEXT_WIDTH = SIZE.screenWidth - SPACE.screenX * 2;

export default function Lesson() {
  const params = useParams();
  const navigate = useNavigate();
  const [lesson, { refetch }] = createResource(() => params.id, fetchLesson);
  const play = (id: string) => navigate(`/play/${encodeURIComponent(id)}`);

  return (
    <Loader resource={lesson} retry={refetch}>
      {(detail) => {
        const view = () => lessonView(detail);
        return (
          <view x={SPACE.screenX} y={SPACE.screenY} width={TEXT_WIDTH} height={SIZE.screenHeight}>
            <text
              width={TEXT_WIDTH}
              contain="width"
              maxLines={1}
              fontFamily={FONT.family}
              fontSize={FONT.caption}
              color={COLOR.textMuted}
            >
              {view().breadcrumb}
            </text>
            <text
              y={50}
              width={TEXT_WIDTH}
              contain="width"
              maxLines={2}
              fontFamily={FONT.family}
              fontSize={FONT.hero}
              lineHeight={FONT.hero * 1.3}
              color={COLOR.text}
            >
              {view().title}
            </text>
            <text
              y={230}
              width={TEXT_WIDTH}
              contain="width"
              maxLines={1}
              fontFamily={FONT.family}
              fontSize={FONT.body}
              color={COLOR.accent}
            >
              {view().facts.join('　·　')}
            </text>
            <text
              y={290}
              width={TEXT_WIDTH * 0.7}
              contain="width"
              maxLines={3}
              fontFamily={FONT.family}
              fontSize={FONT.body}
              lineHeight={FONT.body * 1.5}
              color={COLOR.text}
            >
              {view().description}
            </text>
            <text
              y={440}
              width={TEXT_WIDTH}
              contain="width"
              maxLines={1}
              fontFamily={FONT.family}
              fontSize={FONT.caption}
              color={COLOR.textMuted}
            >
              {view().documents}
            </text>
            <Show when={!view().isPlayable}>
              <text
                y={490}
                width={TEXT_WIDTH}
                contain="width"
                maxLines={2}
                fontFamily={FONT.family}
                fontSize={FONT.body}
                color={COLOR.danger}
              >
                {view().unplayableReason}
              </text>
            </Show>
            <Row y={560} height={SIZE.buttonHeight} gap={SPACE.md} scroll="none" autofocus>
              <Button
                label={t('lesson.play')}
                onFocus={() => preloadLesson(detail)}
                onEnter={() => play(detail.id)}
              />
            </Row>
            <Show when={view().related.length > 0}>
              <text y={680} fontFamily={FONT.family} fontSize={FONT.heading} color={COLOR.text}>
                {t('lesson.related')}
              </text>
              <Row y={740} height={SIZE.tileHeight} gap={SPACE.lg} scroll="auto">
                <For each={view().related.slice(0, 8)}>
                  {(tile) => <Tile tile={tile} onEnter={() => navigate(tile.href)} />}
                </For>
              </Row>
            </Show>
          </view>
        );
      }}
    </Loader>
  );
}
