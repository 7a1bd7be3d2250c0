// The benchmark's large home: 30 rails × 50 lesson tiles in the device API's /v1/home shape, with Chinese
// titles long enough to wrap and a picture per tile (served by the fixture server; lesson ids resolve to the
// fixture lesson).
import type { Home } from '@ketang/contract';
import { benchPictureUrl } from './bench-pictures.ts';

const SUBJECTS = [
  { id: 'math', zh: '数学', en: 'Mathematics' },
  { id: 'chinese', zh: '语文', en: 'Chinese' },
  { id: 'english', zh: '英语', en: 'English' },
  { id: 'science', zh: '科学', en: 'Science' },
];
const TOPICS = ['认识图形', '10以内的加法', '古诗二首：静夜思', '磁铁能吸引什么', '乘法口诀', '认识钟表'];

export const HOME_RAILS = 30;
export const HOME_TILES = 50;

export function makeLargeHome(rails = HOME_RAILS, tiles = HOME_TILES): Home {
  return {
    rails: Array.from({ length: rails }, (_, r) => {
      const subject = SUBJECTS[r % SUBJECTS.length]!;
      return {
        id: `bench-rail-${r}`,
        kind: 'lessons',
        title: { zh: `${r + 1}年级·${subject.zh}·同步课程`, en: `Rail ${r + 1}` },
        items: Array.from({ length: tiles }, (_, t) => ({
          id: `l-bench-${r}-${t}`,
          title: { zh: `第${t + 1}课 ${TOPICS[(r + t) % TOPICS.length]}（第${(t % 3) + 1}课时）` },
          durationSeconds: 1200 + t * 7,
          thumbnailUrl: benchPictureUrl(r, t),
          teachers: ['王老师'],
          periodCount: 1,
          playable: true,
          subject: { id: subject.id, name: { zh: subject.zh, en: subject.en } },
          grade: { id: `g${(r % 6) + 1}`, name: { zh: `${(r % 6) + 1}年级` } },
        })),
      };
    }),
  };
}
