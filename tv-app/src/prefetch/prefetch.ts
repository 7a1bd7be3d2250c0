// Overnight prefetch: tomorrow's timetabled lessons of the child's grade channel, low rung only, into the
// box's Cache Storage within the byte budget (docs/tv-app.md, Overnight prefetch).
import { getCarrierJson } from '../api/client.ts';
import { fetchLesson } from '../api/providers/catalog.provider.ts';
import type { ChannelList, Timetable } from '../api/types.ts';
import type { PrefetchConfig } from './prefetch-config.ts';
import { planEviction, type StoredLesson } from './eviction.ts';
import { localDate } from './local-date.ts';
import { lowRung } from './low-rung.ts';
import { readIndex, removeLessons, storeLesson } from './media-cache.ts';

export type PrefetchReport = {
  date: string;
  stored: string[];
  skipped: { lessonId: string; reason: string }[];
};

const decodes = (type: string) => globalThis.MediaSource?.isTypeSupported(type) ?? false;

async function download(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Response(await response.arrayBuffer(), { headers: response.headers });
}

async function fetchLowRung(
  lessonId: string,
  airDate: string,
): Promise<{ entry: StoredLesson; responses: Map<string, Response> }> {
  const lesson = await fetchLesson(lessonId);
  if (lesson.playback?.type !== 'packaged') throw new Error('not a packaged lesson');
  const manifestUrl = new URL(lesson.playback.dashUrl, globalThis.location.href).href;
  const cut = lowRung(await (await download(manifestUrl)).text(), decodes);
  const responses = new Map<string, Response>([
    [manifestUrl, new Response(cut.manifest, { headers: { 'content-type': 'application/dash+xml' } })],
  ]);
  let bytes = cut.manifest.length;
  const urls = cut.urls.map((url) => new URL(url, manifestUrl).href);
  for (const url of urls) {
    const response = await download(url);
    bytes += Number((await response.clone().arrayBuffer()).byteLength);
    responses.set(url, response);
  }
  return { entry: { lessonId, airDate, manifestUrl, urls, bytes }, responses };
}

/** Prefetches the lessons on the grade channel's timetable for `date` (tomorrow by default). */
export async function prefetchDay(
  gradeId: string,
  config: PrefetchConfig,
  now = new Date(),
): Promise<PrefetchReport> {
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const date = localDate(tomorrow);
  const today = localDate(now);
  const report: PrefetchReport = { date, stored: [], skipped: [] };
  const channels = await getCarrierJson<ChannelList>('/v1/channels');
  const channel = channels.items.find((item) => item.kind === 'linear' && item.gradeIds.includes(gradeId));
  if (!channel) return report;
  const timetable = await getCarrierJson<Timetable>(
    `/v1/channels/${encodeURIComponent(channel.id)}/timetable`,
    {
      date,
    },
  );
  const lessonIds = [
    ...new Set(timetable.slots.filter((slot) => slot.lesson.playable).map((slot) => slot.lesson.id)),
  ];
  for (const lessonId of lessonIds) {
    try {
      if ((await readIndex()).some((entry) => entry.lessonId === lessonId && entry.airDate === date))
        continue;
      const { entry, responses } = await fetchLowRung(lessonId, date);
      const plan = planEviction(await readIndex(), entry, today, config.budgetBytes);
      await removeLessons(plan.evict);
      if (!plan.fits) {
        report.skipped.push({ lessonId, reason: `${entry.bytes} bytes exceed the budget` });
        continue;
      }
      await storeLesson(entry, responses);
      report.stored.push(lessonId);
    } catch (error) {
      report.skipped.push({ lessonId, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}
