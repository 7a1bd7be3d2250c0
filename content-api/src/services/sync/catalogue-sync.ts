import {
  streamSmarteduCatalogue,
  type PreviousSmarteduState,
  type SmarteduBatch,
  type SmarteduImportReport,
} from '@ketang/catalog';
import { availableParallelism } from 'node:os';
import type { Stores } from '../../stores/stores.ts';
import type { RevisionTracker } from '../revision-tracker.ts';
import { BatchWriter, isImportedActive, type StoredRecords } from './batch-writer.ts';
import { isSameRecord } from './record-diff.ts';
import { SyncReportBuilder, type SyncEntry, type SyncReport } from './sync-report.ts';

/** The source could not be read as a catalogue: the sync stops before retiring anything. */
export class SyncSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SyncSourceError';
  }
}

export type SyncProgress = {
  /** Textbooks and sections handled so far. */
  done: number;
  /** Textbooks and sections expected (known after the first batch; grows as sections arrive). */
  total?: number;
  current?: string;
};

/**
 * Parser threads by default: one core stays with the thread that writes the store, the rest parse. On two
 * cores one worker syncs 200k lessons in 52 s where two take 66 s (three threads fighting for two cores).
 */
export const DEFAULT_SYNC_WORKERS = Math.max(1, availableParallelism() - 1);

export type SyncOptions = {
  /** Worker threads of the importer (0: in this thread). */
  workers?: number;
  headers?: Record<string, string>;
  /** Stops the sync between two batches; what was stored so far stays, and the next sync resumes. */
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
  /** Known number of upstream textbooks, for the progress total. */
  expectedTotal?: number;
};

const byId = <T extends { id: string }>(records: readonly T[]) =>
  new Map(records.map((record) => [record.id, record]));

/**
 * Syncs a smartedu mirror (a directory or base URL) into the stores: incremental (unchanged textbooks are
 * skipped by their stored state), idempotent (only what differs is written), resumable (each textbook is stored
 * as a unit, its state last), and what vanished upstream is retired, never deleted. Devices see the result
 * at once, by one revision bump at the end, and only if something was written.
 */
export async function syncCatalogue(
  stores: Stores,
  revisions: RevisionTracker,
  from: string,
  options: SyncOptions = {},
): Promise<SyncReport> {
  const report = new SyncReportBuilder(from);
  const [facets, textbooks, sections, providers, assetIds, previous] = await Promise.all([
    stores.facets.list(),
    stores.textbooks.list(),
    stores.sections.list(),
    stores.providers.list(),
    stores.assets.idsWhere({}),
    stores.syncState.previous(),
  ]);
  const orders = { facets: byId(facets), textbooks: byId(textbooks), sections: byId(sections) };
  const assets = new Set(assetIds);
  const writer = new BatchWriter(stores, report, orders, byId(providers), (id) => assets.has(id));
  const total = options.expectedTotal;
  const stream = streamSmarteduCatalogue(from, {
    previous,
    workers: options.workers,
    headers: options.headers,
  });
  let upstream: SmarteduImportReport | undefined;
  for await (const batch of stream) {
    options.signal?.throwIfAborted();
    if (batch.kind === 'done') upstream = batch.report;
    else await storeBatch(batch, writer, report, stores, previous);
    const current =
      batch.kind === 'textbook' ? batch.textbook.id : batch.kind === 'section' ? batch.section.id : undefined;
    options.onProgress?.({
      done: report.processed,
      total: total && Math.max(total, report.processed),
      current,
    });
  }
  if (!upstream) throw new Error('the catalogue stream ended without its report');
  if (upstream.upstreamTextbookIds.length === 0 && upstream.upstreamSectionIds.length === 0) {
    // An empty upstream is a wrong path or a broken mirror, not the end of every textbook: retire nothing.
    const why = upstream.issues.find((found) => found.severity === 'error');
    throw new SyncSourceError(
      `${from} lists no textbooks or sections (${why ? `${why.file}: ${why.reason}` : 'empty lists'}); ` +
        'nothing was retired — check the mirror path or URL',
    );
  }
  await retireVanished(stores, writer, report, upstream, orders);
  const revision = await publishIfWritten(stores, revisions, writer.hasWritten);
  return report.build(revision);
}

async function storeBatch(
  batch: Exclude<SmarteduBatch, { kind: 'done' }>,
  writer: BatchWriter,
  report: SyncReportBuilder,
  stores: Stores,
  previous: Required<PreviousSmarteduState>,
): Promise<void> {
  report.addIssues(batch.issues);
  if (batch.kind === 'facets') return writer.writeFacets(batch.facets);
  if (batch.kind === 'textbook' || batch.kind === 'section')
    return report.add(await writer.writeBatch(batch));
  const entry: SyncEntry = {
    kind: batch.target,
    id: batch.id,
    outcome: batch.reason === 'unchanged' ? 'unchanged' : 'skipped',
    ...(batch.reason === 'unchanged' ? {} : { reason: batch.reason }),
    lessons: { added: 0, changed: 0, retired: 0 },
    issues: batch.issues.length,
  };
  // An update-time-only state can move forward without any record changing; store it for the next skip.
  const known = (batch.target === 'textbook' ? previous.textbooks : previous.sections)[batch.id];
  if (batch.reason === 'unchanged' && batch.state && !isSameRecord(known, batch.state))
    await stores.syncState.save(batch.target, batch.id, batch.state);
  report.add(entry);
}

/**
 * Textbooks and sections the store holds but upstream no longer lists (or lists as offline) are retired with
 * their lessons, and their sync state is forgotten, so they come back whole if upstream lists them again.
 */
async function retireVanished(
  stores: Stores,
  writer: BatchWriter,
  report: SyncReportBuilder,
  upstream: SmarteduImportReport,
  orders: StoredRecords,
): Promise<void> {
  const offline = new Set(
    upstream.entries.filter((entry) => entry.reason === 'offline').map((entry) => entry.id),
  );
  const targets = [
    ['textbook', orders.textbooks, new Set(upstream.upstreamTextbookIds)],
    ['section', orders.sections, new Set(upstream.upstreamSectionIds)],
  ] as const;
  for (const [target, stored, listed] of targets) {
    // A textbook absent from a list that was only partly read may sit in the unreadable part.
    if (target === 'textbook' && !upstream.isTextbookListComplete) continue;
    if (target === 'section' && listed.size === 0) continue;
    const gone = [...stored.values()]
      .filter((record) => isImportedActive(record) && (!listed.has(record.id) || offline.has(record.id)))
      .map((record) => record.id);
    if (gone.length === 0) continue;
    await writer.beforeWrite(gone.length);
    const records = target === 'textbook' ? stores.textbooks : stores.sections;
    await records.patch(gone, { status: 'retired' });
    for (const id of gone) {
      const retired = await stores.lessons.retirePlacedIn(target, [id]);
      report.writes += retired;
      report.add({
        kind: target,
        id,
        outcome: 'retired',
        lessons: { added: 0, changed: 0, retired },
        issues: 0,
      });
    }
    await stores.syncState.forget(target, gone);
  }
}

/** One revision bump for the whole sync, also owed by an earlier sync that was killed after writing. */
async function publishIfWritten(
  stores: Stores,
  revisions: RevisionTracker,
  hasWritten: boolean,
): Promise<number> {
  if (!hasWritten && !(await stores.syncState.isRevisionPending())) return revisions.refresh();
  const revision = await revisions.bump();
  await stores.syncState.clearRevisionPending();
  return revision;
}
