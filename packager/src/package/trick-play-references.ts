import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import type { MpdAdaptationSet, MpdSummary } from '../validate/read-mpd.ts';
import { readMpd, TRICK_MODE_SCHEME } from '../validate/read-mpd.ts';

/**
 * Shaka Packager (3.4.2 and 3.8.0) writes each trick-play adaptation set's
 * `EssentialProperty schemeIdUri="http://dashif.org/guidelines/trickmode" value="<main set id>"` against a
 * main set picked in an order that changes from run to run (seen 4/3/1, 1/2/0, 0/2/1 where 0/2/4 is right):
 * a player in trick play on an H.264 box can then be handed an HEVC trick track (Shaka Player #2846).
 * The right main set is decided here, once, and used by both the rewrite and the validation check.
 */
export interface TrickPlayReference {
  period: number;
  /** The trick-play adaptation set, and where its segments live (e.g. `trick/av1`). */
  id: string;
  name: string;
  references: string;
  /** The main set of the same codec family (and of the trick track's size when a family has several). */
  expected: string | undefined;
}

/** RFC 6381 sample entries of one codec family map to one name: avc1/avc3, hvc1/hev1, av01. */
export function codecFamilyOf(codecs: string): string {
  const entry = codecs.split('.')[0] ?? '';
  if (entry === 'avc1' || entry === 'avc3') return 'h264';
  if (entry === 'hvc1' || entry === 'hev1') return 'hevc';
  if (entry === 'av01') return 'av1';
  return entry;
}

/** Pure: every trick-play set with the reference it declares and the one it should declare. */
export function listTrickPlayReferences(mpd: MpdSummary): TrickPlayReference[] {
  const sets = mpd.adaptationSets;
  return sets
    .filter((set) => set.trickPlayFor !== undefined)
    .map((trick) => ({
      period: trick.period,
      id: trick.id,
      name: trick.initialization.split('/').slice(0, -1).join('/') || `AdaptationSet ${trick.id}`,
      references: trick.trickPlayFor ?? '',
      expected: chooseMainSet(
        trick,
        sets.filter((s) => s.period === trick.period),
      )?.id,
    }));
}

export function isWrongReference(reference: TrickPlayReference): boolean {
  return reference.expected === undefined || reference.references !== reference.expected;
}

function chooseMainSet(
  trick: MpdAdaptationSet,
  periodSets: MpdAdaptationSet[],
): MpdAdaptationSet | undefined {
  const family = codecFamilyOf(trick.codecs);
  const candidates = periodSets.filter(
    (set) =>
      set.trickPlayFor === undefined &&
      set.contentType === trick.contentType &&
      codecFamilyOf(set.codecs) === family,
  );
  if (candidates.length <= 1) return candidates[0];
  // Several sets of one family (e.g. split by resolution): the one holding a rung of the trick track's size.
  const size = trick.sizes[0];
  return (
    candidates.find((set) => set.sizes.some((s) => s.width === size?.width && s.height === size?.height)) ??
    candidates[0]
  );
}

const XML_OPTIONS = {
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  preserveOrder: true,
  commentPropName: '#comment',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
} as const;

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/**
 * Pure: the MPD with every trick-play set pointing at its own family's main set. Parsed and rebuilt in
 * document order (fast-xml-parser), so everything else comes out as Shaka wrote it. Returns what changed.
 */
export function fixTrickPlayReferences(xml: string): { xml: string; fixed: TrickPlayReference[] } {
  const fixed = listTrickPlayReferences(readMpd(xml)).filter(
    (r) => r.expected !== undefined && r.references !== r.expected,
  );
  if (fixed.length === 0) return { xml, fixed };
  const doc = new XMLParser(XML_OPTIONS).parse(xml) as OrderedNode[];
  const periods = children(children(doc, 'MPD')[0], 'Period');
  for (const reference of fixed) {
    const set = children(periods[reference.period], 'AdaptationSet').find(
      (s) => s[':@']?.['@_id'] === reference.id,
    );
    const property = children(set, 'EssentialProperty').find(
      (p) => p[':@']?.['@_schemeIdUri'] === TRICK_MODE_SCHEME,
    );
    if (property?.[':@']) property[':@']['@_value'] = String(reference.expected);
  }
  const rebuilt = new XMLBuilder(XML_OPTIONS).build(doc) as string;
  return { xml: rebuilt.endsWith('\n') ? rebuilt : `${rebuilt}\n`, fixed };
}

/** The child elements named `name` of a preserveOrder node (or of the document's top-level list). */
function children(node: OrderedNode | OrderedNode[] | undefined, name: string): OrderedNode[] {
  const list = Array.isArray(node)
    ? node
    : ((node?.[Object.keys(node).find((k) => k !== ':@') ?? ''] ?? []) as OrderedNode[]);
  return list.filter((child) => name in child);
}
