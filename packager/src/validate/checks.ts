import { MAX_SEGMENT_BYTES } from '../config/ladders.ts';
import { isWrongReference, listTrickPlayReferences } from '../package/trick-play-references.ts';
import type { Check, RenditionReport } from './quality-report.ts';
import type { MpdSummary } from './read-mpd.ts';

/** Shaka declares the peak segment bitrate; allow a little slack for fragment-level rounding. */
const PEAK_TOLERANCE = 1.1;

/** Pure: the pass/fail checks over the measured renditions. */
export function runChecks(
  renditions: RenditionReport[],
  expectedSegments: number,
  plannedIds: string[],
  isEncryptionExpected: boolean,
  encryptedIds: string[],
): Check[] {
  const present = new Set(renditions.map((r) => r.id));
  const missing = plannedIds.filter((id) => !present.has(id));
  const misaligned = renditions.filter((r) => r.missingKeyframes.length > 0);
  const overDeclared = renditions.filter(
    (r) => r.segments.measuredPeakBps > r.declaredBandwidth * PEAK_TOLERANCE,
  );
  const oversized = renditions.filter((r) => r.segments.maxBytes > MAX_SEGMENT_BYTES);
  const wrongCount = renditions.filter((r) => r.segments.count !== expectedSegments);
  const clear = isEncryptionExpected ? renditions.filter((r) => !encryptedIds.includes(r.id)) : [];
  return [
    check('renditions-present', missing, (ids) => `missing: ${ids.join(', ')}`, 'every planned rendition'),
    check('keyframes-aligned', misaligned, describeMisaligned, 'keyframes on the grid in every rendition'),
    check(
      'bandwidth-declared',
      overDeclared,
      describeOverDeclared,
      'measured peaks within the declared bandwidth',
    ),
    check(
      'segment-sizes',
      oversized,
      (rs) => `over ${MAX_SEGMENT_BYTES} B: ${ids(rs)}`,
      'all segments small',
    ),
    check('segment-count', wrongCount, (rs) => `expected ${expectedSegments}: ${ids(rs)}`, 'full length'),
    check(
      'encrypted',
      clear,
      (rs) => `not encrypted: ${ids(rs)}`,
      isEncryptionExpected ? 'all encrypted' : 'clear',
    ),
  ];
}

function check<T>(name: string, failures: T[], describe: (failures: T[]) => string, okDetail: string): Check {
  return failures.length === 0
    ? { name, ok: true, detail: okDetail }
    : { name, ok: false, detail: describe(failures) };
}

function ids(renditions: RenditionReport[]): string {
  return renditions.map((r) => r.id).join(', ');
}

function describeMisaligned(renditions: RenditionReport[]): string {
  return renditions.map((r) => `${r.id} at ${r.missingKeyframes.join('/')} s`).join('; ');
}

function describeOverDeclared(renditions: RenditionReport[]): string {
  return renditions
    .map((r) => `${r.id} ${r.segments.measuredPeakBps} > ${r.declaredBandwidth} bps`)
    .join('; ');
}

/** Pure: every DASH trick-play set references the main adaptation set of its own codec family. */
export function checkTrickPlayReferences(mpd: MpdSummary): Check {
  const wrong = listTrickPlayReferences(mpd).filter(isWrongReference);
  return check(
    'trick-play-references',
    wrong,
    (refs) =>
      refs
        .map(
          (r) =>
            `${r.name} (AdaptationSet ${r.id}) references AdaptationSet ${r.references}, ` +
            (r.expected === undefined ? 'no main set of its codec family' : `expected ${r.expected}`),
        )
        .join('; '),
    'each trick-play set references its own codec family',
  );
}
