import { InvalidRequestError, NotFoundError } from '../errors.ts';
import type { LessonDetail, LessonListQuery, LessonPage } from '@ketang/contract';
import { decidePlayback, type CodecFamily, type PackagedAsset } from '@ketang/catalog';
import type { LessonQuery, LessonRecord } from '../stores/lesson.store.ts';
import type { Stores } from '../stores/stores.ts';
import type { CatalogueViews } from './catalogue-view.ts';
import { toLessonDetail, toLessonSummary } from './mappers.ts';
import { curateLessonRecord } from './region-overlay.ts';

const RELATED_LIMIT = 12;

const encodeCursor = (sortKey: string) => Buffer.from(sortKey, 'utf8').toString('base64url');

function decodeCursor(cursor: string): string {
  const sortKey = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[tu]\|/.test(sortKey)) {
    throw new InvalidRequestError('invalid query: cursor', [
      { path: 'cursor', message: 'not a cursor this API issued; pass nextCursor from the previous page' },
    ]);
  }
  return sortKey;
}

export function toLessonQuery(query: Partial<LessonListQuery>): LessonQuery {
  return {
    stageId: query.stage,
    gradeId: query.grade,
    subjectId: query.subject,
    editionId: query.edition,
    volumeId: query.volume,
    textbookId: query.textbook,
    unitId: query.unit,
    sectionId: query.section,
    categoryId: query.category,
  };
}

export class LessonService {
  constructor(
    private readonly stores: Stores,
    private readonly views: CatalogueViews,
  ) {}

  /** A page of lessons in textbook order; the cursor is the last lesson's sort key, so pages never shift. */
  async list(query: LessonListQuery, preview?: string): Promise<LessonPage> {
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const view = await this.views.current(query.region, preview);
    const records = view.lessons.page(toLessonQuery(query), { after, limit: query.limit + 1 });
    const page = records.slice(0, query.limit);
    const hasMore = records.length > query.limit;
    return {
      items: page.map((record) => toLessonSummary(record, view)),
      nextCursor: hasMore ? encodeCursor(page[page.length - 1]!.sortKey) : null,
    };
  }

  /**
   * A lesson for one box: `codecs` are the families it decodes (its profile), and the answer's `playback` is
   * the one decision of what it plays (decidePlayback), which the box follows. A `preview` code shows the
   * lesson as its draft curation would.
   */
  async get(
    id: string,
    region?: string,
    codecs?: readonly CodecFamily[],
    preview?: string,
  ): Promise<LessonDetail> {
    const view = await this.views.current(region, preview);
    const shown = view.lessons.get(id);
    if (!shown) throw new NotFoundError('lesson', id);
    const stored = view.localLessons.get(id) ?? (await this.stores.lessons.get(id));
    if (!stored || stored.status !== 'active') throw new NotFoundError('lesson', id);
    const lesson = curateLessonRecord(stored, shown, view.sources.get(id));
    const placement = lesson.placement;
    const scope: LessonQuery =
      placement.kind === 'textbook'
        ? { textbookId: placement.textbookId }
        : { sectionId: placement.sectionId };
    const leafUnit = placement.kind === 'textbook' ? placement.unitIds.at(-1) : undefined;
    const [assets, provider] = await Promise.all([
      this.packagedAssets(lesson),
      lesson.providerId ? this.stores.providers.get(lesson.providerId) : undefined,
    ]);
    const families = (assetId: string) => assets.get(assetId)?.renditions.map((r) => r.codecFamily);
    const decision = decidePlayback(lesson, families, codecs);
    const neighbours = view.lessons.neighbours(lesson.sortKey, scope);
    const sameUnit = view.lessons.page(leafUnit ? { unitId: leafUnit } : scope, { limit: RELATED_LIMIT + 1 });
    return toLessonDetail(lesson, {
      view,
      decision,
      assets,
      provider: provider ? { id: provider.id, name: provider.name } : undefined,
      previous: neighbours.previous,
      next: neighbours.next,
      related: sameUnit.filter((record) => record.id !== lesson.id).slice(0, RELATED_LIMIT),
    });
  }

  /** The packaged assets a lesson's sources name that the API has. */
  private async packagedAssets(lesson: LessonRecord): Promise<Map<string, PackagedAsset>> {
    const ids = lesson.videos.flatMap((source) => (source.type === 'packaged' ? [source.assetId] : []));
    const found = await Promise.all([...new Set(ids)].map((assetId) => this.stores.assets.get(assetId)));
    return new Map(found.flatMap((asset) => (asset ? [[asset.id, asset] as const] : [])));
  }
}
