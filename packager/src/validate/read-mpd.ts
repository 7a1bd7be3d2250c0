import { XMLParser } from 'fast-xml-parser';

export interface MpdRepresentation {
  id: string;
  contentType: 'video' | 'audio' | 'text';
  isTrickPlay: boolean;
  bandwidth: number;
  codecs: string;
  width?: number;
  height?: number;
  frameRate?: number;
  language?: string;
  channels?: number;
  /** Segment template paths, relative to the MPD. */
  initialization: string;
  media: string;
  startNumber: number;
  segmentSeconds: number;
  isEncrypted: boolean;
}

/** One adaptation set, as far as trick play needs it (ids are unique within a period). */
export interface MpdAdaptationSet {
  period: number;
  id: string;
  contentType: string;
  /** The main adaptation set id a trick-play set declares (DASH-IF trickmode EssentialProperty). */
  trickPlayFor?: string;
  /** The first representation's codecs, initialization path and size. */
  codecs: string;
  initialization: string;
  sizes: Array<{ width: number; height: number }>;
}

export interface MpdSummary {
  durationSeconds: number;
  representations: MpdRepresentation[];
  adaptationSets: MpdAdaptationSet[];
}

export const TRICK_MODE_SCHEME = 'http://dashif.org/guidelines/trickmode';

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) =>
    ['Period', 'AdaptationSet', 'Representation', 'ContentProtection', 'EssentialProperty'].includes(name),
});

/** Pure: reads the facts we validate and register from a Shaka Packager static MPD. */
export function readMpd(xml: string): MpdSummary {
  const mpd = (parser.parse(xml) as { MPD: XmlNode }).MPD;
  const periods = (mpd.Period as XmlNode[] | undefined) ?? [];
  const representations = periods.flatMap((period) =>
    ((period.AdaptationSet as XmlNode[] | undefined) ?? []).flatMap(readAdaptationSet),
  );
  const adaptationSets = periods.flatMap((period, index) =>
    ((period.AdaptationSet as XmlNode[] | undefined) ?? []).map((set) => summariseSet(set, index)),
  );
  return {
    durationSeconds: parseIsoDuration(String(mpd.mediaPresentationDuration ?? 'PT0S')),
    representations,
    adaptationSets,
  };
}

function summariseSet(set: XmlNode, period: number): MpdAdaptationSet {
  const trickMode = ((set.EssentialProperty as XmlNode[] | undefined) ?? []).find(
    (p) => p.schemeIdUri === TRICK_MODE_SCHEME,
  );
  const reps = (set.Representation as XmlNode[] | undefined) ?? [];
  const first = reps[0] ?? {};
  const template = (first.SegmentTemplate ?? set.SegmentTemplate ?? {}) as XmlNode;
  return {
    period,
    id: String(set.id ?? ''),
    contentType: String(set.contentType ?? first.contentType ?? ''),
    ...(trickMode ? { trickPlayFor: String(trickMode.value ?? '') } : {}),
    codecs: String(first.codecs ?? set.codecs ?? ''),
    initialization: String(template.initialization ?? ''),
    sizes: reps.map((rep) => ({
      width: Number(rep.width ?? set.width ?? 0),
      height: Number(rep.height ?? set.height ?? 0),
    })),
  };
}

function readAdaptationSet(set: XmlNode): MpdRepresentation[] {
  const essential = (set.EssentialProperty as XmlNode[] | undefined) ?? [];
  const isTrickPlay = essential.some((p) => String(p.schemeIdUri).includes('trickmode'));
  const setEncrypted = ((set.ContentProtection as XmlNode[] | undefined) ?? []).length > 0;
  return ((set.Representation as XmlNode[] | undefined) ?? []).map((rep) => {
    const template = (rep.SegmentTemplate ?? set.SegmentTemplate) as XmlNode;
    const timescale = Number(template.timescale ?? 1);
    const channelConfig = rep.AudioChannelConfiguration as XmlNode | undefined;
    const frameRate = String(rep.frameRate ?? set.frameRate ?? '');
    return {
      id: String(rep.id),
      contentType: String(set.contentType ?? rep.contentType) as MpdRepresentation['contentType'],
      isTrickPlay,
      bandwidth: Number(rep.bandwidth),
      codecs: String(rep.codecs ?? ''),
      ...optionalNumber('width', rep.width ?? set.width),
      ...optionalNumber('height', rep.height ?? set.height),
      ...(frameRate ? { frameRate: parseFrameRate(frameRate) } : {}),
      ...(set.lang ? { language: String(set.lang) } : {}),
      ...optionalNumber('channels', channelConfig?.value),
      initialization: String(template.initialization),
      media: String(template.media),
      startNumber: Number(template.startNumber ?? 1),
      segmentSeconds: Number(template.duration) / timescale,
      isEncrypted: setEncrypted || ((rep.ContentProtection as XmlNode[] | undefined) ?? []).length > 0,
    };
  });
}

function optionalNumber(name: string, value: unknown): Record<string, number> {
  return value === undefined ? {} : { [name]: Number(value) };
}

function parseFrameRate(text: string): number {
  const [num, den] = text.split('/').map(Number);
  return num && den ? num / den : Number(num);
}

/** PT1H2M3.5S → 3723.5 */
export function parseIsoDuration(text: string): number {
  const match = /^PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(text);
  if (!match) return 0;
  const [, h, m, s] = match;
  return Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0);
}
