import { describe, expect, it } from 'vitest';
import { chosenVolume, facetLevels, validPath } from '../src/api/formatters/facets.formatter.ts';
import { epgRows, epgWindow, tuneInSeconds, type EpgRow } from '../src/api/formatters/epg.formatter.ts';
import { lessonView } from '../src/api/formatters/lesson.formatter.ts';
import { sizedImageUrl } from '../src/api/formatters/image.formatter.ts';
import { homeRails, lessonTile } from '../src/api/formatters/tile.formatter.ts';
import { formatClock, formatDuration, formatTimeOfDay } from '../src/api/formatters/time.formatter.ts';
import type {
  ChannelNow,
  FacetNode,
  HomeDocument,
  LessonDetail,
  LessonSummary,
  Timetable,
} from '../src/api/types.ts';
import { setLocale } from '../src/i18n/i18n.ts';
import { wrapCjk } from '../src/i18n/wrap-cjk.ts';
import { loadFixture } from './fixtures.ts';

const strip = (s: string) => s.replaceAll('\u200b', '');

describe('home rails', () => {
  it('turns lessons, sections and channels into tiles and drops empty rails', () => {
    setLocale('zh-CN');
    const rails = homeRails(loadFixture<HomeDocument>('home.json').rails);
    expect(rails.map((r) => r.id)).toEqual(['continue', 'grade', 'sections', 'channels']);
    const lesson = rails[1]!.tiles[0]!;
    expect(strip(lesson.title)).toBe('1～5 的认识和加减法：认识数字 1、2、3、4、5');
    expect(lesson.subtitle).toBe('数学 · 27 分钟');
    expect(lesson.href).toBe('/lesson/l-math-1');
    expect(rails[1]!.tiles[4]!.isPlayable).toBe(false);
    expect(rails[2]!.tiles[0]!.subtitle).toBe('12 节课');
    expect(strip(rails[3]!.tiles[0]!.subtitle)).toContain('正在播出');
  });

  it('formats the tiles of a rail when they are first read, once (off-screen rails cost a cold start nothing)', () => {
    setLocale('zh-CN');
    const document = loadFixture<HomeDocument>('home.json');
    const grade = document.rails[1]!;
    const rails = homeRails([{ ...grade, items: [] }, grade]);
    expect(rails.map((r) => r.id)).toEqual(['grade']);
    // Not formatted yet: a title changed now still shows on first read.
    (grade.items[0] as LessonSummary).title = { zh: '后来改的标题' };
    const tiles = rails[0]!.tiles;
    expect(strip(tiles[0]!.title)).toBe('后来改的标题');
    expect(rails[0]!.tiles).toBe(tiles);
  });
});

describe('pictures', () => {
  it('asks the image endpoint for the size a tile draws; other URLs pass unchanged', () => {
    const lesson = loadFixture<HomeDocument>('home.json').rails[1]!.items[0] as LessonSummary;
    const tile = lessonTile({ ...lesson, thumbnailUrl: '/v1/images/eyJr.c2lnbmF0dXJlLW9mLTIyLWNo' });
    expect(tile.thumbnailUrl).toBe('/v1/images/eyJr.c2lnbmF0dXJlLW9mLTIyLWNo?w=400&h=240');
    expect(lessonTile({ ...lesson, thumbnailUrl: undefined }).thumbnailUrl).toBeUndefined();
    expect(tile.isTitleInPicture).toBe(false);
    expect(sizedImageUrl('/v1/images/k.s', { width: 640, height: 360 })).toBe('/v1/images/k.s?w=640&h=360');
    expect(sizedImageUrl('https://cdn.example.cn/a.jpg', { width: 400, height: 240 })).toBe(
      'https://cdn.example.cn/a.jpg',
    );
  });
});

describe('caption band', () => {
  const lesson = loadFixture<HomeDocument>('home.json').rails[1]!.items[0] as LessonSummary;
  const url = '/v1/images/eyJr.c2lnbmF0dXJlLW9mLTIyLWNo';

  it('is left out over a generated cover (it shows the title), kept over a video frame or upstream image', () => {
    expect(
      lessonTile({ ...lesson, thumbnailUrl: url, pictureKind: 'generated-cover' }).isTitleInPicture,
    ).toBe(true);
    expect(lessonTile({ ...lesson, thumbnailUrl: url, pictureKind: 'video-frame' }).isTitleInPicture).toBe(
      false,
    );
    expect(lessonTile({ ...lesson, thumbnailUrl: url, pictureKind: 'upstream-image' }).isTitleInPicture).toBe(
      false,
    );
    // An API that does not say what the picture is: caption it, as before.
    expect(lessonTile({ ...lesson, thumbnailUrl: url }).isTitleInPicture).toBe(false);
  });

  it('keeps the progress bar and the done mark over a cover', () => {
    const progress = { positionSeconds: 1620, durationSeconds: 1620, completed: true };
    const tile = lessonTile({ ...lesson, thumbnailUrl: url, pictureKind: 'generated-cover', progress });
    expect(tile).toMatchObject({ isTitleInPicture: true, progress: { fraction: 1, isCompleted: true } });
  });
});

describe('lesson view', () => {
  it('shows teacher, duration, periods, documents and related lessons', () => {
    setLocale('zh-CN');
    const view = lessonView(loadFixture<LessonDetail>('lesson-playable.json'));
    expect(view.isPlayable).toBe(true);
    expect(view.facts).toEqual(['授课教师：王老师', '时长 27 分钟', '1 课时']);
    expect(strip(view.documents)).toBe('资料：学习任务单、课后练习');
    expect(view.related).toHaveLength(3);
    expect(view.nextLessonId).toBe('l-math-2');
  });

  it('plays what the API decided: a licensed HLS playback is playable, no playback is not', () => {
    const lesson = loadFixture<LessonDetail>('lesson-playable.json');
    const hls = lessonView({
      ...lesson,
      playback: { type: 'external-hls', codecFamily: 'h264', url: 'https://cdn.example.cn/a/master.m3u8' },
    });
    expect(hls).toMatchObject({ isPlayable: true, unplayableReason: '' });
    const { playback: _none, ...withoutPlayback } = lesson;
    expect(lessonView(withoutPlayback).isPlayable).toBe(false);
  });

  it("gives the API's reason when a lesson cannot play, in the chosen language", () => {
    const lesson = loadFixture<LessonDetail>('lesson-unplayable.json');
    setLocale('zh-CN');
    expect(strip(lessonView(lesson).unplayableReason)).toBe('版权已到期，这节课暂时不能播放');
    setLocale('en');
    expect(lessonView(lesson).unplayableReason).toBe('The rights have expired');
    setLocale('zh-CN');
  });

  it('offers a lesson that plays instead of Play on one that cannot: next, else previous, else related', () => {
    setLocale('zh-CN');
    const lesson = loadFixture<LessonDetail>('lesson-unplayable.json');
    // The next lesson cannot play either, so the first related one that plays is offered.
    expect(lessonView(lesson).alternative).toEqual({ id: 'l-chinese-4', label: wrapCjk('改看《日月水火》') });
    const next = { ...lesson.next!, playable: true };
    expect(lessonView({ ...lesson, next }).alternative?.id).toBe('l-chinese-2');
    const previous = { ...lesson.related[1]!, id: 'l-chinese-0' };
    expect(lessonView({ ...lesson, previous }).alternative?.id).toBe('l-chinese-0');
    const nothingPlays = {
      ...lesson,
      related: lesson.related.map((other) => ({ ...other, playable: false })),
    };
    expect(lessonView(nothingPlays).alternative).toBeUndefined();
    expect(lessonView(loadFixture<LessonDetail>('lesson-playable.json')).alternative).toBeUndefined();
  });
});

describe('EPG', () => {
  it('marks the slot on air and the next one', () => {
    const table = loadFixture<Timetable>('timetable.json');
    const rows = epgRows(table, new Date('2025-01-01T08:10:00+08:00'));
    expect(rows.map((r) => [r.time, r.isOnAir, r.isNext])).toEqual([
      ['08:00–08:30', true, false],
      ['08:30–09:00', false, true],
    ]);
    const later = epgRows(table, new Date('2025-01-01T09:30:00+08:00'));
    expect(later.every((r) => r.isPast && !r.isOnAir)).toBe(true);
  });

  it('shows the EPG from the slot before the one on air, keeping the screen full at the end of the day', () => {
    const rows = Array.from({ length: 72 }, (_, index): EpgRow => ({
      slotId: `s${index}`,
      lessonId: `l${index}`,
      time: String(index),
      title: String(index),
      isOnAir: index === 40,
      isNext: index === 41,
      isPast: index < 40,
    }));
    expect(epgWindow(rows, 10).map((row) => row.slotId)).toEqual(
      Array.from({ length: 10 }, (_, i) => `s${39 + i}`),
    );
    const late = rows.map((row, index) => ({ ...row, isOnAir: index === 70, isNext: index === 71 }));
    expect(epgWindow(late, 10)[0]!.slotId).toBe('s62');
    const none = rows.map((row) => ({ ...row, isOnAir: false, isNext: false }));
    expect(epgWindow(none, 10)[0]!.slotId).toBe('s0');
  });

  it('tunes in where the API says the lesson is', () => {
    const onAir = loadFixture<ChannelNow>('channel-now.json');
    const duration = onAir.now!.lesson.durationSeconds;
    expect(tuneInSeconds({ ...onAir, positionSeconds: duration + 90, lessonPositionSeconds: 42 })).toBe(42);
    expect(tuneInSeconds({ now: null, next: null, positionSeconds: 0, lessonPositionSeconds: 0 })).toBe(0);
  });
});

describe('browse facets', () => {
  const tree = loadFixture<{ tree: FacetNode[] }>('facets.json').tree;

  it('opens one level per choice, down to the volume and its textbook', () => {
    setLocale('zh-CN');
    const path = ['primary', 'g1', 'math', 'pep', 'v1a'];
    const levels = facetLevels(tree, path);
    expect(levels.map((l) => l.kind)).toEqual(['stage', 'grade', 'subject', 'edition', 'volume']);
    expect(levels[0]!.heading).toBe('学段');
    expect(chosenVolume(tree, path)?.textbookIds).toEqual(['tb-math-1a']);
  });

  it('goes straight from stage to subject for senior high, and trims stale choices', () => {
    expect(facetLevels(tree, ['senior']).map((l) => l.kind)).toEqual(['stage', 'subject']);
    expect(validPath(tree, ['primary', 'g9', 'math'])).toEqual(['primary']);
    expect(chosenVolume(tree, ['primary', 'g1'])).toBeUndefined();
  });
});

describe('time formats', () => {
  it('formats durations, clocks and channel times', () => {
    setLocale('zh-CN');
    expect(formatDuration(45)).toBe('45 秒');
    expect(formatDuration(1620)).toBe('27 分钟');
    expect(formatDuration(3900)).toBe('1 小时 5 分钟');
    expect(formatClock(245)).toBe('4:05');
    expect(formatClock(3723)).toBe('1:02:03');
    expect(formatClock(Number.NaN)).toBe('0:00');
    expect(formatTimeOfDay('2025-01-01T00:30:00Z', 'Asia/Shanghai')).toBe('08:30');
    expect(formatTimeOfDay('not a date')).toBe('--:--');
  });
});
