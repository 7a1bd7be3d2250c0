// The device API's response shapes (docs/device-api.md). Hand-written until the client is generated
// from the content API's OpenAPI document.
import type { LocalizedText } from '@ketang/catalog';
import type { CodecFamily } from '../config.ts';

export type Text = LocalizedText;
export type Named = { id: string; name: Text };

export type LessonSummary = {
  id: string;
  title: Text;
  durationSeconds: number;
  thumbnailUrl?: string;
  teachers: string[];
  periodCount: number;
  playable: boolean;
  subject?: Named;
  grade?: Named;
  textbookId?: string;
  sectionId?: string;
  /** The active profile's progress in this lesson (family reads only). */
  progress?: { positionSeconds: number; durationSeconds: number; completed: boolean };
};

export type FacetKind = 'stage' | 'grade' | 'subject' | 'edition' | 'volume';
export type FacetNode = {
  kind: FacetKind;
  id: string;
  name: Text;
  count: number;
  children: FacetNode[];
  textbookIds?: string[];
};

export type Unit = { id: string; title: Text; lessonCount: number; children: Unit[] };
export type Textbook = {
  id: string;
  title: Text;
  coverUrl?: string;
  stage: Named;
  grade?: Named;
  subject: Named;
  edition: Named;
  volume: Named;
  units: Unit[];
};

export type Page<T> = { items: T[]; nextCursor: string | null };

export type Slot = {
  id: string;
  start: string;
  end: string;
  title: Text;
  lesson: LessonSummary;
  periodId?: string;
};
export type SectionItem = {
  id: string;
  kind: string;
  title: Text;
  categories: { id: string; title: Text }[];
  lessonCount: number;
};
export type ChannelItem = {
  id: string;
  kind: string;
  title: Text;
  description?: Text;
  logoUrl?: string;
  gradeIds: string[];
  now?: Slot;
  next?: Slot;
};
export type Timetable = {
  channel: { id: string; kind: string; title: Text; timeZone: string };
  date: string;
  slots: Slot[];
};
export type ChannelNow = {
  now: Slot | null;
  next: Slot | null;
  /** Seconds since `now` began. */
  positionSeconds: number;
  /** Where in `now`'s lesson to tune in (a lesson shorter than its slot repeats). */
  lessonPositionSeconds?: number;
};

export type Rail =
  | { id: string; kind: 'lessons'; title: Text; items: LessonSummary[] }
  | { id: string; kind: 'sections'; title: Text; items: SectionItem[] }
  | { id: string; kind: 'channels'; title: Text; items: ChannelItem[] };
export type HomeDocument = { rails: Rail[] };

export type SearchResult = { query: string; subjects: Named[]; lessons: LessonSummary[] };

export type Rendition = {
  codecFamily: CodecFamily;
  codecs: string;
  width: number;
  height: number;
  bandwidth: number;
  frameRate: number;
};
export type PackagedPlayback = {
  type: 'packaged';
  assetId: string;
  dashUrl: string;
  hlsUrl: string;
  durationSeconds: number;
  renditions: Rendition[];
  captions: { language: string; label: Text; url?: string }[];
  thumbnailsUrl?: string;
  posterUrl?: string;
};
export type ExternalPlayback = { type: 'external-hls'; url: string; keyServiceUrl?: string };

export type Playability = { playable: true } | { playable: false; reason: { code: string; message: Text } };

export type LessonDetail = {
  id: string;
  title: Text;
  description?: Text;
  durationSeconds: number;
  thumbnailUrl?: string;
  teachers: { name: string; school?: string }[];
  provider?: { id: string; name: Text };
  stage?: Named;
  grade?: Named;
  subject?: Named;
  edition?: Named;
  volume?: Named;
  textbook?: { id: string; title: Text };
  unitPath: { id: string; title: Text }[];
  section?: { id: string; title: Text };
  periods: { id: string; title: Text; order: number; durationSeconds?: number }[];
  documents: { id: string; kind: string; title: Text; format?: string; url?: string }[];
  playability: Playability;
  playback?: PackagedPlayback | ExternalPlayback;
  previous?: LessonSummary;
  next?: LessonSummary;
  related: LessonSummary[];
};

export type Progress = {
  lessonId: string;
  positionSeconds: number;
  durationSeconds: number;
  updatedAt: string;
};

export type PlaybackStats = {
  timeToFirstFrameMs?: number;
  stalls?: number;
  stallSeconds?: number;
  droppedFrames?: number;
  decodedFrames?: number;
  estimatedBandwidth?: number;
  switches?: number;
  codecFamily?: CodecFamily;
  height?: number;
  error?: string;
};
/** The box is named by its credential, not in the body. */
export type PlaybackEvent = { lessonId?: string; kind: 'playback'; stats: PlaybackStats };
