import { mapperForFormat } from '../sources/smartedu/mappers.ts';
import { openSmarteduSource } from '../sources/smartedu/source/mirror-source.ts';
import { toSmarteduId } from '../sources/smartedu/v2/ids.ts';
import type { ImportContext } from './smartedu-context.ts';
import { importTextbookSafely } from './smartedu-textbook.ts';
import type { TextbookTask, TextbookTaskResult, TextbookWorkerData } from './textbook-worker-pool.ts';

/**
 * Test hook: `<textbook source id>` makes the worker exit (as a crashed worker would) on that textbook at
 * every try, `<id>@<try>` on that try only. Read per task, so tests can set it before starting an import.
 */
const EXIT_HOOK = 'KETANG_TEST_TEXTBOOK_WORKER_EXIT';

let context: { key: string; value: ImportContext } | undefined;

function contextFor(data: TextbookWorkerData): ImportContext {
  const key = JSON.stringify(data);
  if (context?.key !== key) {
    const value: ImportContext = {
      source: openSmarteduSource(data.location, { headers: data.headers }),
      mapper: mapperForFormat(data.formatVersion),
      moduleVersion: data.moduleVersion,
      concurrency: data.concurrency,
      validate: data.validate,
    };
    context = { key, value };
  }
  return context.value;
}

function exitIfHooked(task: TextbookTask): void {
  const hook = process.env[EXIT_HOOK];
  if (!hook) return;
  const [id, attempt] = hook.split('@');
  if (id === task.job.entry.id && (attempt === undefined || Number(attempt) === task.attempt))
    process.exit(70);
}

/** Runs in a worker thread (piscina): imports one textbook. */
export default async function importTextbookTask(task: TextbookTask): Promise<TextbookTaskResult> {
  exitIfHooked(task);
  const previous = task.previous ? { [toSmarteduId(task.job.entry.id)]: task.previous } : undefined;
  const outcome = await importTextbookSafely(contextFor(task.data), task.job, previous);
  return { batch: outcome.batch, listedAt: [...outcome.listedAt] };
}
