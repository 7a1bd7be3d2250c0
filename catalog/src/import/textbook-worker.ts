import { parentPort, workerData } from 'node:worker_threads';
import { mapperForFormat } from '../sources/smartedu/mappers.ts';
import { openSmarteduSource } from '../sources/smartedu/source/mirror-source.ts';
import { toSmarteduId } from '../sources/smartedu/v2/ids.ts';
import type { ImportContext } from './smartedu-context.ts';
import type { SyncState } from './smartedu-report.ts';
import { importTextbookSafely } from './smartedu-textbook.ts';
import type { TextbookJob } from './smartedu-textbook.ts';
import type { TextbookWorkerData } from './textbook-worker-pool.ts';

/** Runs in a worker thread: imports the textbooks the pool sends, one message each. */
const data = workerData as TextbookWorkerData;
const context: ImportContext = {
  source: openSmarteduSource(data.location, { headers: data.headers }),
  mapper: mapperForFormat(data.formatVersion),
  moduleVersion: data.moduleVersion,
  concurrency: data.concurrency,
  validate: data.validate,
};

parentPort?.on('message', async (message: { seq: number; job: TextbookJob; previous?: SyncState }) => {
  const previous = message.previous ? { [toSmarteduId(message.job.entry.id)]: message.previous } : undefined;
  const outcome = await importTextbookSafely(context, message.job, previous);
  parentPort?.postMessage({ seq: message.seq, batch: outcome.batch, listedAt: [...outcome.listedAt] });
});
