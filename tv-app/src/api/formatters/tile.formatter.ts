// API items → the tile view model every rail and grid draws.
import { pickText, t } from '../../i18n/i18n.ts';
import { wrapCjk } from '../../i18n/wrap-cjk.ts';
import type { TodayItem } from '../family-types.ts';
import type { ChannelItem, LessonSummary, Rail, SectionItem } from '../types.ts';
import { IMAGE } from '../../theme/tokens.ts';
import { sizedImageUrl } from './image.formatter.ts';
import { formatDuration } from './time.formatter.ts';

export type TileKind = 'lesson' | 'section' | 'channel';
export type TileModel = {
  key: string;
  kind: TileKind;
  id: string;
  title: string;
  subtitle: string;
  /** Longer text for the hero when this tile has focus. */
  detail: string;
  href: string;
  /** The picture at the tile's size (the hero draws the same one); none for sections. */
  thumbnailUrl?: string;
  /** The picture already shows the title (the API's generated cover): the tile draws no caption band. */
  isTitleInPicture: boolean;
  isPlayable: boolean;
  /** How far the active profile got: 0–1 of the lesson, and whether it counts as finished. */
  progress?: TileProgress;
};
export type TileProgress = { fraction: number; isCompleted: boolean };
export type RailModel = { id: string; title: string; tiles: TileModel[] };

const withPicture = (url: string | undefined) => {
  const thumbnailUrl = sizedImageUrl(url, IMAGE.tile);
  return thumbnailUrl ? { thumbnailUrl } : {};
};

/** A lesson summary's `progress` (family reads) as the tile's bar; none when not started. */
export function tileProgress(progress: LessonSummary['progress']): TileProgress | undefined {
  if (!progress) return undefined;
  const { positionSeconds, durationSeconds, completed } = progress;
  const fraction = durationSeconds > 0 ? Math.min(1, Math.max(0, positionSeconds / durationSeconds)) : 0;
  if (!completed && fraction === 0) return undefined;
  return { fraction: completed ? 1 : fraction, isCompleted: completed };
}

export function lessonTile(lesson: LessonSummary): TileModel {
  const progress = tileProgress(lesson.progress);
  const subject = pickText(lesson.subject?.name);
  const grade = pickText(lesson.grade?.name);
  return {
    key: `lesson:${lesson.id}`,
    kind: 'lesson',
    id: lesson.id,
    title: wrapCjk(pickText(lesson.title)),
    subtitle: [subject, formatDuration(lesson.durationSeconds)].filter(Boolean).join(' · '),
    detail: wrapCjk([grade, subject, lesson.teachers.join('、')].filter(Boolean).join(' · ')),
    href: `/lesson/${encodeURIComponent(lesson.id)}`,
    ...withPicture(lesson.thumbnailUrl),
    isTitleInPicture: Boolean(lesson.thumbnailUrl) && lesson.pictureKind === 'generated-cover',
    isPlayable: lesson.playable,
    ...(progress ? { progress } : {}),
  };
}

/** Today's lessons as the first rail: each tile says why it is there instead of its subject. */
export function todayRail(items: readonly TodayItem[], title: string): RailModel {
  return {
    id: 'today',
    title,
    tiles: items.map((item) => ({
      ...lessonTile(item),
      key: `today:${item.id}`,
      subtitle: wrapCjk(pickText(item.reason)),
    })),
  };
}

export function sectionTile(section: SectionItem): TileModel {
  return {
    key: `section:${section.id}`,
    kind: 'section',
    id: section.id,
    title: wrapCjk(pickText(section.title)),
    subtitle: t('browse.lessonCount', { count: section.lessonCount }),
    detail: wrapCjk(section.categories.map((c) => pickText(c.title)).join(' · ')),
    href: `/section/${encodeURIComponent(section.id)}`,
    isTitleInPicture: false,
    isPlayable: section.lessonCount > 0,
  };
}

export function channelTile(channel: ChannelItem): TileModel {
  const now = channel.now ? `${t('channels.now')}：${pickText(channel.now.title)}` : '';
  const next = channel.next ? `${t('channels.next')}：${pickText(channel.next.title)}` : '';
  return {
    key: `channel:${channel.id}`,
    kind: 'channel',
    id: channel.id,
    title: wrapCjk(pickText(channel.title)),
    subtitle: wrapCjk(now || pickText(channel.description)),
    detail: wrapCjk([now, next].filter(Boolean).join('\u3000')),
    href: `/channels/${encodeURIComponent(channel.id)}`,
    ...withPicture(channel.logoUrl),
    isTitleInPicture: false,
    isPlayable: Boolean(channel.now),
  };
}

/**
 * A rail whose tiles are formatted when first read: Home renders two or three rails of a home that can hold 30
 * (wrapping CJK titles and details for 1,500 tiles took ~0.3 s of a cold start at 6× CPU), so the rest wait
 * until focus brings them on screen.
 */
export function railModel(rail: Rail): RailModel {
  let tiles: TileModel[] | undefined;
  const format = (): TileModel[] =>
    rail.kind === 'lessons'
      ? rail.items.map(lessonTile)
      : rail.kind === 'sections'
        ? rail.items.map(sectionTile)
        : rail.items.map(channelTile);
  return {
    id: rail.id,
    title: pickText(rail.title),
    get tiles() {
      return (tiles ??= format());
    },
  };
}

/** Rails with at least one tile: an empty rail would be a focus trap. */
export function homeRails(rails: Rail[]): RailModel[] {
  return rails.filter((rail) => rail.items.length > 0).map(railModel);
}
