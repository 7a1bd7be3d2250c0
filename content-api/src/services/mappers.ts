import type { Facet, PackagedAsset, PlayDecision, Textbook, Unit } from '@ketang/catalog';
import { isUrlAllowed } from '../images/host-guard.ts';
import { unplayableMessage } from '../messages/messages.ts';
import type {
  FacetNodeOutput,
  TextbookDetail,
  UnitOutput,
  LessonDetail,
  LessonSummary,
  PictureKind,
} from '@ketang/contract';
import type { LessonRecord } from '../stores/lesson.store.ts';
import { packagedAssetIdsOf, type LessonSummaryRecord } from '../stores/lesson-summary.ts';
import type { CatalogueView, FacetNode } from './catalogue-view.ts';
import { licensedSourceId } from './region-overlay.ts';

/** Shapes stored records into API responses; raw documents never leave the service layer. */

function namedRef(facets: ReadonlyMap<string, Facet>, id: string | undefined) {
  const facet = id ? facets.get(id) : undefined;
  return facet ? { id: facet.id, name: facet.name } : undefined;
}

/** A textbook cover or channel logo from upstream, through the image endpoint; none when its host is not allowed. */
export function upstreamPictureUrl(url: string | undefined, view: CatalogueView): string | undefined {
  if (url?.startsWith('/media/')) return view.images.urlFor({ kind: 'poster', path: url });
  return url && isUrlAllowed(url, view.imageHosts) ? view.images.urlFor({ kind: 'remote', url }) : undefined;
}

/** A lesson's picture as a URL of the API's image endpoint, and what that picture is. */
export type LessonPicture = { url: string; kind: PictureKind };

/**
 * The one decision of what pictures a lesson, as a URL of the API's own image endpoint (a box never sees a
 * foreign host), and what kind of picture that is: the poster packaged with its video (a video frame), else
 * its upstream picture when an operator allows that host, else a cover generated from its subject, grade and
 * title. Boxes read the kind (a generated cover already shows the title) and never work it out from the URL.
 */
type PictureInputs = Pick<LessonSummaryRecord, 'title' | 'placement' | 'thumbnailUrl' | 'packagedAssetIds'>;

/**
 * Each lesson's picture, worked out once per catalogue view (its posters, allowed hosts and signing key do
 * not change within it): signing the URL (an HMAC) was a third of an uncached lesson page (benchmarks:
 * "Content API", the read-path work). Weak on both sides, so a replaced view takes its pictures with it.
 */
const picturesByView = new WeakMap<CatalogueView, WeakMap<PictureInputs, LessonPicture>>();

export function lessonPicture(lesson: PictureInputs, view: CatalogueView): LessonPicture {
  let pictures = picturesByView.get(view);
  if (!pictures) {
    pictures = new WeakMap();
    picturesByView.set(view, pictures);
  }
  let picture = pictures.get(lesson);
  if (!picture) {
    picture = pictureOf(lesson, view);
    pictures.set(lesson, picture);
  }
  return picture;
}

function pictureOf(lesson: PictureInputs, view: CatalogueView): LessonPicture {
  const assetId = lesson.packagedAssetIds.find((id) => view.posters.has(id));
  const poster = assetId === undefined ? undefined : view.posters.get(assetId);
  if (poster) {
    const url = view.images.urlFor({ kind: 'poster', path: poster.url, version: poster.version });
    return { url, kind: 'video-frame' };
  }
  const upstream = upstreamPictureUrl(lesson.thumbnailUrl, view);
  if (upstream) {
    const isOwnMedia = lesson.thumbnailUrl?.startsWith('/media/') === true;
    return { url: upstream, kind: isOwnMedia ? 'video-frame' : 'upstream-image' };
  }
  const placement = lesson.placement;
  const isTextbook = placement.kind === 'textbook';
  const facetName = (id: string | undefined) => (id ? view.facets.get(id)?.name.zh : undefined);
  const url = view.images.urlFor({
    kind: 'cover',
    title: lesson.title.zh,
    ...(isTextbook ? { subjectId: placement.subjectId } : {}),
    ...(isTextbook && facetName(placement.subjectId) ? { subject: facetName(placement.subjectId) } : {}),
    ...(isTextbook && facetName(placement.gradeId) ? { grade: facetName(placement.gradeId) } : {}),
  });
  return { url, kind: 'generated-cover' };
}

export function toLessonSummary(lesson: LessonSummaryRecord, view: CatalogueView): LessonSummary {
  const placement = lesson.placement;
  const isTextbook = placement.kind === 'textbook';
  const picture = lessonPicture(lesson, view);
  return {
    id: lesson.id,
    title: lesson.title,
    durationSeconds: lesson.durationSeconds,
    thumbnailUrl: picture.url,
    pictureKind: picture.kind,
    teachers: [...lesson.teacherNames],
    periodCount: lesson.periodCount,
    playable: lesson.playable,
    subject: isTextbook ? namedRef(view.facets, placement.subjectId) : undefined,
    grade: isTextbook ? namedRef(view.facets, placement.gradeId) : undefined,
    textbookId: isTextbook ? placement.textbookId : undefined,
    sectionId: isTextbook ? undefined : placement.sectionId,
  };
}

export function toFacetTree(nodes: readonly FacetNode[]): FacetNodeOutput[] {
  return nodes.map((node) => ({ ...node, children: toFacetTree(node.children) }));
}

function unitPath(units: readonly Unit[], ids: readonly string[]): { id: string; title: Unit['title'] }[] {
  const path: { id: string; title: Unit['title'] }[] = [];
  let level = units;
  for (const id of ids) {
    const unit = level.find((candidate) => candidate.id === id);
    if (!unit) break;
    path.push({ id: unit.id, title: unit.title });
    level = unit.children;
  }
  return path;
}

/** Where a box sends the key requests of a licensed AES-128 source (docs/security.md). */
export const PLAYBACK_KEYS_PATH = '/v1/household/playback-keys';

/** The decision as the box receives it: what to load and how; no decision is made here. */
function toPlayback(
  lessonId: string,
  decision: PlayDecision,
  assets: ReadonlyMap<string, PackagedAsset>,
): LessonDetail['playback'] {
  if (!decision.playable) return undefined;
  const { source, codecFamily } = decision;
  if (source.type === 'packaged') {
    const asset = assets.get(source.assetId)!;
    return {
      type: 'packaged',
      codecFamily,
      assetId: asset.id,
      dashUrl: asset.dashUrl,
      hlsUrl: asset.hlsUrl,
      durationSeconds: asset.durationSeconds,
      renditions: asset.renditions.map(({ codecFamily, codecs, width, height, bandwidth, frameRate }) => ({
        codecFamily,
        codecs,
        width,
        height,
        bandwidth,
        frameRate,
      })),
      captions: asset.captions,
      thumbnailsUrl: asset.thumbnailsUrl,
      posterUrl: asset.posterUrl,
    };
  }
  const best = [...source.renditions].sort((a, b) => b.height - a.height)[0]!;
  const hasKeyEndpoint = source.id === licensedSourceId(lessonId) && source.encryption === 'aes-128';
  return {
    type: 'external-hls',
    codecFamily,
    url: best.url,
    ...(hasKeyEndpoint
      ? { keys: { url: `${PLAYBACK_KEYS_PATH}?lesson=${encodeURIComponent(lessonId)}` } }
      : {}),
  };
}

function toPlayability(decision: PlayDecision): LessonDetail['playability'] {
  return decision.playable
    ? { playable: true }
    : { playable: false, reason: { code: decision.reason, message: unplayableMessage(decision.reason) } };
}

export type DetailContext = {
  view: CatalogueView;
  /** What this box plays (decidePlayback), and the packaged assets it may name. */
  decision: PlayDecision;
  assets: ReadonlyMap<string, PackagedAsset>;
  provider: { id: string; name: Facet['name'] } | undefined;
  previous?: LessonSummaryRecord;
  next?: LessonSummaryRecord;
  related: LessonSummaryRecord[];
};

export function toLessonDetail(lesson: LessonRecord, context: DetailContext): LessonDetail {
  const { view } = context;
  const placement = lesson.placement;
  const textbook = placement.kind === 'textbook' ? view.textbooks.get(placement.textbookId) : undefined;
  const section = placement.kind === 'section' ? view.sections.get(placement.sectionId) : undefined;
  const facet = (id: string | undefined) => namedRef(view.facets, id);
  const summary = (record: LessonSummaryRecord | undefined) =>
    record ? toLessonSummary(record, view) : undefined;
  return {
    id: lesson.id,
    title: lesson.title,
    description: lesson.description,
    durationSeconds: lesson.durationSeconds,
    thumbnailUrl: lessonPicture({ ...lesson, packagedAssetIds: packagedAssetIdsOf(lesson.videos) }, view).url,
    teachers: lesson.teachers.map(({ name, school }) => ({ name, school })),
    provider: context.provider,
    ...(placement.kind === 'textbook'
      ? {
          stage: facet(placement.stageId),
          grade: facet(placement.gradeId),
          subject: facet(placement.subjectId),
          edition: facet(placement.editionId),
          volume: facet(placement.volumeId),
        }
      : {}),
    textbook: textbook ? { id: textbook.id, title: textbook.title } : undefined,
    unitPath: textbook && placement.kind === 'textbook' ? unitPath(textbook.units, placement.unitIds) : [],
    section: section ? { id: section.id, title: section.title } : undefined,
    periods: lesson.periods,
    documents: lesson.documents.map(({ id, kind, title, format, url }) => ({ id, kind, title, format, url })),
    playability: toPlayability(context.decision),
    playback: toPlayback(lesson.id, context.decision, context.assets),
    previous: summary(context.previous),
    next: summary(context.next),
    related: context.related.map((record) => toLessonSummary(record, view)),
  };
}

function toUnitOutput(units: readonly Unit[], counts: ReadonlyMap<string, number>): UnitOutput[] {
  return units.map((unit) => ({
    id: unit.id,
    title: unit.title,
    lessonCount: counts.get(unit.id) ?? 0,
    children: toUnitOutput(unit.children, counts),
  }));
}

export function toTextbookDetail(textbook: Textbook, view: CatalogueView): TextbookDetail {
  const facet = (id: string) => namedRef(view.facets, id) ?? { id, name: { zh: id } };
  return {
    id: textbook.id,
    title: textbook.title,
    coverUrl: upstreamPictureUrl(textbook.coverUrl, view),
    stage: facet(textbook.stageId),
    grade: textbook.gradeId ? facet(textbook.gradeId) : undefined,
    subject: facet(textbook.subjectId),
    edition: facet(textbook.editionId),
    volume: facet(textbook.volumeId),
    units: toUnitOutput(textbook.units, view.unitCounts),
  };
}
