// Command line: `tsx packager/src/cli.ts package <input…> [options]` and `… jobs`. Run with --help for usage.
import { parseCliArgs } from './cli/parse-cli-args.ts';
import { ProgressView, formatDuration } from './cli/progress-view.ts';
import { PackagerError } from './errors.ts';
import { translate, type MessageKey } from './i18n/messages.ts';
import { packageTitle } from './job.ts';
import { JobStore } from './job/job-store.ts';
import { runWithConcurrency } from './job/run-queue.ts';
import { stopRunningProcesses } from './process/spawn.ts';

async function main(argv: string[]): Promise<number> {
  const command = parseCliArgs(argv, process.env);
  if (command.command === 'help') {
    console.log(translate('cli.usage'));
    return 0;
  }
  if (command.command === 'jobs') return listJobs(command.jobsRoot);
  const view = new ProgressView(command.jobs.map((job) => job.assetId));
  const tasks = command.jobs.map((job) => async () => {
    try {
      const result = await packageTitle({ ...job, onProgress: (event) => view.update(event) });
      if (result.resumedSteps.length > 0) {
        view.print(translate('cli.resumed', { assetId: job.assetId, steps: result.resumedSteps.join(', ') }));
      }
      for (const note of result.notes) view.print(translate('cli.note', { note }));
      const renditions = result.asset.renditions.length;
      view.print(translate('cli.done', { assetId: job.assetId, dir: result.assetDir, renditions }));
    } catch (error) {
      view.print(translate('cli.failed', { assetId: job.assetId, message: messageOf(error) }));
      throw error;
    }
  });
  const results = await runWithConcurrency(tasks, command.concurrency);
  return results.every((r) => r.status === 'fulfilled') ? 0 : 1;
}

async function listJobs(jobsRoot: string): Promise<number> {
  const jobs = await new JobStore(jobsRoot).list();
  if (jobs.length === 0) console.log(translate('cli.noJobs'));
  for (const job of jobs) {
    const status = translate(`status.${job.status}` as MessageKey);
    const eta =
      job.status === 'running' && job.progress.etaSeconds ? formatDuration(job.progress.etaSeconds) : '';
    const percent = `${Math.floor(job.progress.fraction * 100)}%`;
    const columns = [job.assetId, status, percent, job.stage, eta, job.error?.message.split('\n')[0] ?? ''];
    console.log(columns.join('\t').trimEnd());
  }
  return 0;
}

function messageOf(error: unknown): string {
  if (error instanceof PackagerError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

// A killed job resumes later; its encoders must not live on as orphans writing into the job directory.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopRunningProcesses();
    process.exit(130);
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(messageOf(error));
    process.exit(2);
  },
);
