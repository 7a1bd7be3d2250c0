import type { Channel, Facet, Lesson, TimetableSlot } from '@ketang/catalog';
import { zonedDate, zonedDayBounds } from '../services/time-zone.ts';

const SLOT_MINUTES = 20;
const DAYS = 7;
const TIME_ZONE = 'Asia/Shanghai';
const CHANNELS = 2;

/** What the demo knows of a lesson's video: packaged (plays now), a demo video (plays once packaged). */
export type DemoVideoFacts = {
  isPackaged: (lesson: Lesson) => boolean;
  isDemoVideo: (lesson: Lesson) => boolean;
};

/**
 * Two linear channels in the manner of 空中课堂, one per grade, each playing its grade's lessons around the
 * clock for a week from the start of today (in China). The channels go to the grades the demo videos are in,
 * and air only what plays: the grade's packaged lessons, else (before packaging finished) its demo videos,
 * which play as their assets register. So what is on air now — and a child's today's lessons, which lead with
 * it and its catch-up — can be watched. Without demo videos, the first grades air all their lessons.
 */
export function buildDemoChannels(
  grades: readonly Facet[],
  lessons: readonly Lesson[],
  videos: DemoVideoFacts,
  now: Date,
): { channels: Channel[]; slots: TimetableSlot[] } {
  const channels: Channel[] = [];
  const slots: TimetableSlot[] = [];
  const { start } = zonedDayBounds(zonedDate(TIME_ZONE, now), TIME_ZONE);
  const lessonsOf = (grade: Facet) =>
    lessons.filter((lesson) => lesson.placement.kind === 'textbook' && lesson.placement.gradeId === grade.id);
  const withVideos = grades.filter((grade) => lessonsOf(grade).some(videos.isDemoVideo));
  const served = (withVideos.length > 0 ? withVideos : grades).slice(0, CHANNELS);
  served.forEach((grade, index) => {
    const gradeLessons = lessonsOf(grade);
    const packaged = gradeLessons.filter(videos.isPackaged);
    const demoVideos = gradeLessons.filter(videos.isDemoVideo);
    const aired = [packaged, demoVideos, gradeLessons].find((tier) => tier.length > 0) ?? [];
    if (aired.length === 0) return;
    const id = `demo-channel-${grade.id}`;
    channels.push({
      id,
      kind: 'linear',
      title: { zh: `${grade.name.zh}空中课堂`, en: `${grade.name.en ?? grade.name.zh} Sky Classroom` },
      description: { zh: '全天轮播本年级的同步课程', en: "This grade's lessons, around the clock" },
      order: index,
      gradeIds: [grade.id],
      lessonIds: [],
      timeZone: TIME_ZONE,
    });
    const slotCount = (DAYS * 24 * 60) / SLOT_MINUTES;
    for (let slot = 0; slot < slotCount; slot += 1) {
      const lesson = aired[slot % aired.length]!;
      const begins = start.getTime() + slot * SLOT_MINUTES * 60_000;
      slots.push({
        id: `${id}-${slot}`,
        channelId: id,
        lessonId: lesson.id,
        start: new Date(begins).toISOString(),
        end: new Date(begins + SLOT_MINUTES * 60_000).toISOString(),
      });
    }
  });
  return { channels, slots };
}
