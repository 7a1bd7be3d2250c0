// The benchmark's large home: 30 rails × 50 lesson tiles in the device API's /v1/home shape, with Chinese
// titles long enough to wrap and a picture per tile (served by the fixture server; lesson ids resolve to the
// fixture lesson): mostly generated covers, one in five a video frame, each with its `pictureKind`.
import type { Home } from '@ketang/contract';
import { BENCH_SUBJECTS, benchPicture, benchTitle } from './bench-pictures.ts';

export const HOME_RAILS = 30;
export const HOME_TILES = 50;

/** `withPictureKind: false` leaves `pictureKind` out, as an API before it: every tile draws its caption band. */
export function makeLargeHome(rails = HOME_RAILS, tiles = HOME_TILES, withPictureKind = true): Home {
  return {
    rails: Array.from({ length: rails }, (_, r) => {
      const subject = BENCH_SUBJECTS[r % BENCH_SUBJECTS.length]!;
      return {
        id: `bench-rail-${r}`,
        kind: 'lessons',
        title: { zh: `${r + 1}年级·${subject.zh}·同步课程`, en: `Rail ${r + 1}` },
        items: Array.from({ length: tiles }, (_, t) => {
          const picture = benchPicture(r, t);
          return {
            id: `l-bench-${r}-${t}`,
            title: { zh: benchTitle(r, t) },
            durationSeconds: 1200 + t * 7,
            thumbnailUrl: picture.url,
            ...(withPictureKind ? { pictureKind: picture.kind } : {}),
            teachers: ['王老师'],
            periodCount: 1,
            playable: true,
            subject: { id: subject.id, name: { zh: subject.zh, en: subject.en } },
            grade: { id: `g${(r % 6) + 1}`, name: { zh: `${(r % 6) + 1}年级` } },
          };
        }),
      };
    }),
  };
}
