import type { Channel, Facet, Lesson, TimetableSlot } from '@ketang/catalog';
import { zonedDate, zonedDayBounds } from '../services/time-zone.ts';

const SLOT_MINUTES = 20;
const DAYS = 7;
const TIME_ZONE = 'Asia/Shanghai';

/**
 * Two linear channels in the manner of 空中课堂: one per grade, playing that grade's lessons around the clock
 * for a week from the start of today (in China), playable lessons first.
 */
export function buildDemoChannels(
  grades: readonly Facet[],
  lessons: readonly Lesson[],
  isPlayable: (lesson: Lesson) => boolean,
  now: Date,
): { channels: Channel[]; slots: TimetableSlot[] } {
  const channels: Channel[] = [];
  const slots: TimetableSlot[] = [];
  const { start } = zonedDayBounds(zonedDate(TIME_ZONE, now), TIME_ZONE);
  grades.slice(0, 2).forEach((grade, index) => {
    const gradeLessons = lessons
      .filter((lesson) => lesson.placement.kind === 'textbook' && lesson.placement.gradeId === grade.id)
      .sort((a, b) => Number(isPlayable(b)) - Number(isPlayable(a)));
    if (gradeLessons.length === 0) return;
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
      const lesson = gradeLessons[slot % gradeLessons.length]!;
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
