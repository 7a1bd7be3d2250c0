// Channels: each channel's timetable for today with now/next; OK tunes in where the channel is.
import { Row } from '@lightningtv/solid/primitives';
import { useNavigate, useParams } from '@solidjs/router';
import { createResource, createSignal, For } from 'solid-js';
import { epgRows, epgWindow, tuneInSeconds } from '../api/formatters/epg.formatter.ts';
import { fetchChannelNow, fetchChannels, fetchTimetable } from '../api/providers/channels.provider.ts';
import { ChoiceList } from '../components/ChoiceList.tsx';
import { Loader } from '../components/Loader.tsx';
import { pickText, t } from '../i18n/i18n.ts';
import { COLOR, FONT, SIZE, SPACE } from '../theme/tokens.ts';

const LIST_WIDTH = 440;
const EPG_X = LIST_WIDTH + SPACE.xl;
const EPG_WIDTH = SIZE.screenWidth - SPACE.screenX * 2 - EPG_X;
/** Timetable rows that fit under the heading at 1080p. */
const EPG_ROWS = 10;

export default function Channels() {
  const params = useParams();
  const navigate = useNavigate();
  const [channels, { refetch }] = createResource(fetchChannels);
  const [channelId, setChannelId] = createSignal(params.id);
  const [timetable] = createResource(channelId, fetchTimetable);
  const rows = () => (timetable.state === 'ready' ? epgRows(timetable(), new Date()) : []);

  const tune = async (id: string) => {
    const onAir = await fetchChannelNow(id).catch(() => undefined);
    if (onAir?.now)
      navigate(`/play/${encodeURIComponent(onAir.now.lesson.id)}?t=${Math.floor(tuneInSeconds(onAir))}`);
  };

  return (
    <Loader resource={channels} retry={refetch}>
      {(items) => (
        <view x={SPACE.screenX} y={SPACE.screenY}>
          <Row scroll="none" autofocus>
            <ChoiceList
              heading={t('channels.title')}
              choices={items.map((channel) => ({ id: channel.id, label: pickText(channel.title) }))}
              chosenId={channelId() ?? items[0]?.id}
              width={LIST_WIDTH}
              onChoose={setChannelId}
              onEnter={(id) => void tune(id)}
            />
          </Row>
          <text x={EPG_X} fontFamily={FONT.family} fontSize={FONT.caption} color={COLOR.textMuted}>
            {`${t('channels.timetable')} · ${t('channels.tune')}`}
          </text>
          <view x={EPG_X} y={56} width={EPG_WIDTH} display="flex" flexDirection="column" gap={SPACE.xs}>
            <For each={epgWindow(rows(), EPG_ROWS)}>
              {(row) => (
                <view
                  width={EPG_WIDTH}
                  height={SIZE.listRowHeight}
                  color={row.isOnAir ? COLOR.surfaceRaised : COLOR.surface}
                  alpha={row.isPast ? 0.6 : 1}
                  borderRadius={SIZE.radius}
                >
                  <text
                    x={SPACE.md}
                    y={SPACE.md}
                    fontFamily={FONT.family}
                    fontSize={FONT.body}
                    color={COLOR.textMuted}
                  >
                    {row.time}
                  </text>
                  <text
                    x={260}
                    y={SPACE.md}
                    width={EPG_WIDTH - 480}
                    contain="width"
                    maxLines={1}
                    fontFamily={FONT.family}
                    fontSize={FONT.body}
                    color={COLOR.text}
                  >
                    {row.title}
                  </text>
                  <text
                    x={EPG_WIDTH - 200}
                    y={SPACE.md}
                    fontFamily={FONT.family}
                    fontSize={FONT.body}
                    color={row.isOnAir ? COLOR.onAir : COLOR.accent}
                  >
                    {row.isOnAir ? t('channels.now') : row.isNext ? t('channels.next') : ''}
                  </text>
                </view>
              )}
            </For>
          </view>
        </view>
      )}
    </Loader>
  );
}
