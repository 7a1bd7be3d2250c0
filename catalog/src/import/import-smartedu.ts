import type { Catalogue } from '../model/catalogue.ts';
import { smarteduLayout, toRelativePath } from '../sources/smartedu/layout.ts';
import { mapperForFormat } from '../sources/smartedu/mappers.ts';
import { openSmarteduSource } from '../sources/smartedu/source/mirror-source.ts';
import type { SmarteduSource } from '../sources/smartedu/source/mirror-source.ts';
import { readSourceFile } from '../sources/smartedu/source/read-source-file.ts';
import { VersionFileSchema } from '../sources/smartedu/v2/source-schemas.ts';
import { issue } from './import-issues.ts';
import type { ImportIssue } from './import-issues.ts';
import { CrossBatchDedupe } from './cross-batch-dedupe.ts';
import type { ImportContext, SmarteduBatch } from './smartedu-context.ts';
import { ReportBuilder } from './smartedu-report.ts';
import type { PreviousSmarteduState, SmarteduImportReport } from './smartedu-report.ts';
import { importSections } from './smartedu-sections.ts';
import { TextbookWorkerPool } from './textbook-worker-pool.ts';
import { importTextbookSafely } from './smartedu-textbook.ts';
import { addTagTree, planTextbooks, readTextbookList, validFacets } from './smartedu-textbook-list.ts';
import type { TextbookJob } from './smartedu-textbook.ts';

export interface SmarteduImportOptions {
  /** State stored by the previous sync: unchanged textbooks and sections are skipped without reading details. */
  previous?: PreviousSmarteduState;
  /** Lesson details read at once (default 16). */
  concurrency?: number;
  /** Validate each mapped record against the catalogue model (default true). */
  validate?: boolean;
  includeSections?: boolean;
  /** Textbooks read at once (default 4); batches are still yielded in list order. */
  textbookConcurrency?: number;
  /**
   * Worker threads that import textbooks in parallel (default 0: in this thread). Needs `from` to be a
   * directory or URL, not a custom source object.
   */
  workers?: number;
  /** Request headers for an HTTP mirror (an operator's own; never the platform's login). */
  headers?: Record<string, string>;
}

function createPool(from: SmarteduSource | string, context: ImportContext, options: SmarteduImportOptions) {
  if (!options.workers || options.workers <= 0) return undefined;
  if (typeof from !== 'string') throw new TypeError('workers need the mirror as a directory path or URL');
  return new TextbookWorkerPool(options.workers, {
    location: from,
    headers: options.headers,
    formatVersion: context.mapper.formatVersion,
    moduleVersion: context.moduleVersion,
    concurrency: context.concurrency,
    validate: context.validate,
  });
}

/** Textbook list parts to try when the mirror has no version file. */
const FALLBACK_PART_NUMBERS = [100, 101, 102, 103, 104, 105];

/**
 * Streams a mirror of the platform as batches a sync can store one by one: the facets first, then one batch
 * per textbook (or a `skipped` one), then one per section, then the report. A format version too old or too
 * new throws SmarteduFormatError before anything is yielded; every other problem becomes an issue.
 */
export async function* streamSmarteduCatalogue(
  from: SmarteduSource | string,
  options: SmarteduImportOptions = {},
): AsyncGenerator<SmarteduBatch, void> {
  const source = typeof from === 'string' ? openSmarteduSource(from, { headers: options.headers }) : from;
  const globalIssues: ImportIssue[] = [];
  const version = await readSourceFile(
    source,
    smarteduLayout.lessonVersionFile,
    VersionFileSchema,
    globalIssues,
  );
  const mapper = mapperForFormat(version.status === 'ok' ? version.value.format_version : undefined);
  const moduleVersion = version.status === 'ok' ? String(version.value.module_version) : undefined;
  const context: ImportContext = {
    source,
    mapper,
    moduleVersion,
    concurrency: options.concurrency ?? 16,
    validate: options.validate ?? true,
  };
  const report = new ReportBuilder(source.location, mapper.formatVersion, moduleVersion);
  if (version.status === 'missing') {
    globalIssues.push(
      issue(smarteduLayout.lessonVersionFile, '$', 'no version file; trying part_100… directly', 'warning'),
    );
  }
  const partFiles =
    version.status === 'ok'
      ? urlsOf(version.value.urls)
      : FALLBACK_PART_NUMBERS.map(smarteduLayout.textbookListPart);
  const facets = mapper.createFacetRegistry();
  await addTagTree(context, facets, globalIssues);
  const list = await readTextbookList(context, partFiles, version.status === 'ok', globalIssues);
  report.setTextbookListComplete(list.isComplete);
  const { jobs, skipped } = planTextbooks(list.listed, facets, globalIssues);
  yield { kind: 'facets', facets: validFacets(facets, globalIssues), issues: globalIssues };
  report.addIssues(globalIssues);
  for (const batch of skipped) {
    report.addUpstream('textbook', batch.id);
    yield recordBatch(report, batch);
  }
  const dedupe = new CrossBatchDedupe();
  const pool = createPool(from, context, options);
  const runJob = (job: TextbookJob) =>
    pool
      ? pool.run(job, options.previous?.textbooks)
      : importTextbookSafely(context, job, options.previous?.textbooks);
  const ahead = pool ? 2 * (options.workers ?? 1) : (options.textbookConcurrency ?? 4);
  try {
    for await (const outcome of inOrder(jobs, ahead, runJob)) {
      const batch = dedupe.apply(outcome);
      report.addUpstream('textbook', idOf(batch));
      yield recordBatch(report, batch);
    }
  } finally {
    await pool?.close();
  }
  if (options.includeSections ?? true) {
    for await (const outcome of importSections(context, options.previous?.sections)) {
      const batch = dedupe.apply(outcome);
      report.addUpstream('section', idOf(batch));
      yield recordBatch(report, batch);
    }
  }
  yield { kind: 'done', report: report.build() };
}

/** Runs up to `limit` jobs ahead and yields their results in the jobs' order. */
async function* inOrder<T, R>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<R>,
): AsyncGenerator<R> {
  const ahead: Promise<R>[] = [];
  let next = 0;
  while (next < items.length || ahead.length > 0) {
    while (next < items.length && ahead.length < Math.max(1, limit)) ahead.push(run(items[next++] as T));
    yield await (ahead.shift() as Promise<R>);
  }
}

function idOf(batch: Extract<SmarteduBatch, { kind: 'textbook' | 'section' | 'skipped' }>): string {
  if (batch.kind === 'textbook') return batch.textbook.id;
  return batch.kind === 'section' ? batch.section.id : batch.id;
}

function urlsOf(urls: string | string[]): string[] {
  const list = Array.isArray(urls) ? urls : urls.split(',');
  return list
    .map((url) => url.trim())
    .filter(Boolean)
    .map(toRelativePath);
}

function recordBatch<B extends Exclude<SmarteduBatch, { kind: 'facets' | 'done' }>>(
  report: ReportBuilder,
  batch: B,
): B {
  report.addIssues(batch.issues);
  if (batch.kind === 'skipped') {
    report.addEntry({
      kind: batch.target,
      id: batch.id,
      sourceId: batch.sourceId,
      title: batch.sourceId,
      outcome: 'skipped',
      reason: batch.reason,
      lessons: 0,
      lessonsSkipped: 0,
      issues: batch.issues.length,
    });
    return batch;
  }
  const record = batch.kind === 'textbook' ? batch.textbook : batch.section;
  report.addEntry({
    kind: batch.kind,
    id: record.id,
    sourceId: record.provenance.sourceId,
    title: record.title.zh,
    outcome: batch.change,
    lessons: batch.lessons.length,
    lessonsSkipped: batch.issues.filter((found) => found.severity === 'error' && found.recordId).length,
    issues: batch.issues.length,
  });
  return batch;
}

export interface SmarteduCatalogueParts {
  catalogue: Pick<Catalogue, 'facets' | 'providers' | 'textbooks' | 'sections' | 'lessons'>;
  report: SmarteduImportReport;
}

/** Collects the whole stream: convenient for demos and tests; a sync should consume the stream instead. */
export async function importSmartedu(
  from: SmarteduSource | string,
  options: SmarteduImportOptions = {},
): Promise<SmarteduCatalogueParts> {
  const catalogue: SmarteduCatalogueParts['catalogue'] = {
    facets: [],
    providers: [],
    textbooks: [],
    sections: [],
    lessons: [],
  };
  for await (const batch of streamSmarteduCatalogue(from, options)) {
    if (batch.kind === 'facets') catalogue.facets.push(...batch.facets);
    if (batch.kind === 'textbook' || batch.kind === 'section') {
      if (batch.kind === 'textbook') catalogue.textbooks.push(batch.textbook);
      else catalogue.sections.push(batch.section);
      for (const lesson of batch.lessons) catalogue.lessons.push(lesson);
      catalogue.providers.push(...batch.providers);
    }
    if (batch.kind === 'done') return { catalogue, report: batch.report };
  }
  throw new Error('the smartedu stream ended without a report');
}
