// Lesson: title, teacher, duration, periods, description, documents, related lessons. OK plays (继续播放 0:12 and
// 从头播放 when the profile left it part-way); a lesson that
// cannot play says why and offers a neighbouring or related lesson that does, never a Play that fails.
// The page is one flex column, so text that wraps pushes what follows down instead of running under it.
import { Row } from '@lightningtv/solid/primitives';
import { useNavigate, useParams } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { lessonView, playChoices } from '../api/formatters/lesson.formatter.ts';
import { fetchLesson } from '../api/providers/catalog.provider.ts';
import { Button } from '../components/Button.tsx';
import { Loader } from '../components/Loader.tsx';
import { Tile } from '../components/Tile/Tile.tsx';
import { preloadLesson } from '../api/preload/lesson.preload.ts';
import { t } from '../i18n/i18n.ts';
import { resumePosition } from '../player/resume.ts';
import { resolveProfile } from '../state/profile.ts';
import { COLOR, FONT, SIZE, SPACE } from '../theme/tokens.ts';

const TEXT_WIDTH = SIZE.screenWidth - SPACE.screenX * 2;
const WIDE_BUTTON_WIDTH = 960;

/** The profile's resume point in the lesson (0 without a profile, progress or network). */
async function resumePointOf(lessonId: string): Promise<number> {
  const step = await resolveProfile(false).catch(() => undefined);
  return step?.kind === 'ready' ? resumePosition(step.profile.id, lessonId) : 0;
}

export default function Lesson() {
  const params = useParams();
  const navigate = useNavigate();
  const [lesson, { refetch }] = createResource(() => params.id, fetchLesson);
  // Where the watching profile left this lesson, decided here once and handed to the player as ?t=.
  const [resumeAt] = createResource(() => params.id, resumePointOf);
  const play = (id: string, startAt?: number) =>
    navigate(`/play/${encodeURIComponent(id)}${startAt === undefined ? '' : `?t=${startAt}`}`);

  return (
    <Loader resource={lesson} retry={refetch}>
      {(detail) => {
        const view = () => lessonView(detail);
        return (
          <view
            x={SPACE.screenX}
            y={SPACE.screenY}
            width={TEXT_WIDTH}
            display="flex"
            flexDirection="column"
            gap={SPACE.sm}
          >
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
                width={TEXT_WIDTH}
                contain="width"
                maxLines={2}
                fontFamily={FONT.family}
                fontSize={FONT.body}
                lineHeight={FONT.body * 1.4}
                color={COLOR.danger}
              >
                {view().unplayableReason}
              </text>
            </Show>
            {/* The buttons wait for the resume point, so the first one focused is the right one. */}
            <Show when={!view().isPlayable || resumeAt.state !== 'pending'}>
              <Row height={SIZE.buttonHeight} marginTop={SPACE.sm} gap={SPACE.md} scroll="none" autofocus>
                <Show
                  when={view().isPlayable}
                  fallback={
                    <Show
                      when={view().alternative}
                      fallback={<Button label={t('message.back')} onEnter={() => navigate(-1)} />}
                    >
                      {(alternative) => (
                        <Button
                          width={WIDE_BUTTON_WIDTH}
                          label={alternative().label}
                          onEnter={() => play(alternative().id)}
                        />
                      )}
                    </Show>
                  }
                >
                  <For each={playChoices(resumeAt.latest ?? 0)}>
                    {(choice) => (
                      <Button
                        label={choice.label}
                        onFocus={() => preloadLesson(detail)}
                        onEnter={() => play(detail.id, choice.startAt)}
                      />
                    )}
                  </For>
                </Show>
              </Row>
            </Show>
            <Show when={view().related.length > 0}>
              <text marginTop={SPACE.md} fontFamily={FONT.family} fontSize={FONT.heading} color={COLOR.text}>
                {t('lesson.related')}
              </text>
              <Row height={SIZE.tileHeight} gap={SPACE.lg} scroll="auto">
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
