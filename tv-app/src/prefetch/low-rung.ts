// A DASH manifest cut down to its low rung: the lowest-bandwidth video rendition this box decodes, the lowest
// audio rendition, the captions; trick-play sets dropped. The cut manifest is what the box keeps (and what the
// service worker serves offline), so Shaka can only ask for segments the box has.
export type LowRung = { manifest: string; urls: string[] };

type Decodes = (mimeCodecs: string) => boolean;

const isTrickPlay = (set: Element) =>
  [...set.getElementsByTagName('EssentialProperty')].some((p) =>
    p.getAttribute('schemeIdUri')?.includes('trickmode'),
  );

function contentType(set: Element): string {
  const rep = set.getElementsByTagName('Representation')[0];
  return set.getAttribute('contentType') ?? (rep?.getAttribute('mimeType') ?? '').split('/')[0] ?? '';
}

const bandwidth = (rep: Element) => Number(rep.getAttribute('bandwidth') ?? Infinity);

/** ISO 8601 `PT…H…M…S` in seconds. */
export function durationSeconds(iso: string | null): number {
  const match = /^PT(?:([\d.]+)H)?(?:([\d.]+)M)?(?:([\d.]+)S)?$/.exec(iso ?? '');
  if (!match) throw new Error(`manifest: mediaPresentationDuration "${iso}" is not PT…S`);
  return Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
}

function fill(template: string, rep: Element, number: number, time: number): string {
  return template
    .replace(/\$RepresentationID\$/g, rep.getAttribute('id') ?? '')
    .replace(/\$Bandwidth\$/g, rep.getAttribute('bandwidth') ?? '')
    .replace(/\$Number(?:%0(\d+)d)?\$/g, (_, width?: string) =>
      String(number).padStart(Number(width ?? 0), '0'),
    )
    .replace(/\$Time\$/g, String(time));
}

/** Every URL (relative to the manifest) one representation plays: its init segment and media segments. */
export function segmentUrls(rep: Element, totalSeconds: number): string[] {
  const template =
    rep.getElementsByTagName('SegmentTemplate')[0] ??
    rep.parentElement?.getElementsByTagName('SegmentTemplate')[0];
  if (!template) throw new Error(`manifest: representation ${rep.getAttribute('id')} has no SegmentTemplate`);
  const media = template.getAttribute('media') ?? '';
  const startNumber = Number(template.getAttribute('startNumber') ?? 1);
  const urls = template.getAttribute('initialization')
    ? [fill(template.getAttribute('initialization')!, rep, 0, 0)]
    : [];
  const timeline = template.getElementsByTagName('S');
  if (timeline.length > 0) {
    let time = 0;
    let number = startNumber;
    for (const s of timeline) {
      time = s.hasAttribute('t') ? Number(s.getAttribute('t')) : time;
      const repeats = Number(s.getAttribute('r') ?? 0);
      for (let i = 0; i <= repeats; i++) {
        urls.push(fill(media, rep, number++, time));
        time += Number(s.getAttribute('d'));
      }
    }
    return urls;
  }
  const timescale = Number(template.getAttribute('timescale') ?? 1);
  const count = Math.ceil((totalSeconds * timescale) / Number(template.getAttribute('duration')));
  for (let i = 0; i < count; i++) urls.push(fill(media, rep, startNumber + i, 0));
  return urls;
}

/** Keeps the cheapest representation of `set` that `accept` allows; false when there is none. */
function keepLowest(set: Element, accept: (rep: Element) => boolean): Element | undefined {
  const reps = [...set.getElementsByTagName('Representation')];
  const lowest = reps.filter(accept).sort((a, b) => bandwidth(a) - bandwidth(b))[0];
  for (const rep of reps) if (rep !== lowest) rep.remove();
  return lowest;
}

export function lowRung(mpd: string, decodes: Decodes): LowRung {
  const doc = new DOMParser().parseFromString(mpd, 'application/xml');
  const root = doc.documentElement;
  if (root.nodeName !== 'MPD') throw new Error('manifest: not a DASH MPD');
  const total = durationSeconds(root.getAttribute('mediaPresentationDuration'));
  const decodable = (rep: Element) =>
    decodes(
      `${rep.getAttribute('mimeType') ?? rep.parentElement?.getAttribute('mimeType')}; codecs="${rep.getAttribute('codecs')}"`,
    );
  const kept: Element[] = [];
  const sets = [...root.getElementsByTagName('AdaptationSet')];
  const videoSets = sets.filter((set) => contentType(set) === 'video' && !isTrickPlay(set));
  // The one video rendition: the cheapest the box decodes, across codec families.
  const video = videoSets
    .flatMap((set) => [...set.getElementsByTagName('Representation')])
    .filter(decodable)
    .sort((a, b) => bandwidth(a) - bandwidth(b))[0];
  if (!video) throw new Error('manifest: no video rendition this box decodes');
  let audioKept = false;
  for (const set of sets) {
    const type = contentType(set);
    const keep =
      (type === 'video' && set === video.parentElement) ||
      (type === 'audio' && !audioKept) ||
      type === 'text';
    if (!keep) {
      set.remove();
      continue;
    }
    const rep = type === 'video' ? keepLowest(set, (r) => r === video) : keepLowest(set, () => true);
    if (type === 'audio') audioKept = true;
    if (rep) kept.push(rep);
  }
  const urls = kept.flatMap((rep) => segmentUrls(rep, total));
  return { manifest: new XMLSerializer().serializeToString(doc), urls };
}
