// The child process that runs one packaging job (forked by packaging-runner.ts), so that ffmpeg's output
// parsing and the packager's bookkeeping never hold up the API's event loop. It reports over IPC.
import { packageTitle, PackagerError, StageError, type PackageTitleOptions } from '@ketang/packager';

export type ChildRequest = { options: Omit<PackageTitleOptions, 'onProgress' | 'tools' | 'publisher'> };
export type ChildMessage =
  | { type: 'progress'; stage: string; fraction: number }
  | { type: 'done'; result: Pick<Awaited<ReturnType<typeof packageTitle>>, 'asset' | 'report' | 'notes'> }
  | { type: 'failed'; message: string };

const send = (message: ChildMessage) =>
  new Promise<void>((resolve) => {
    if (!process.send) return resolve();
    process.send(message, () => resolve());
  });

let isFinished = false;
// The API went away (crashed or was killed): stop with everything this process group started.
process.on('disconnect', () => {
  if (!isFinished) process.kill(-process.pid, 'SIGKILL');
});

/** The packager's own English message, with the failing tool's last words when a tool failed. */
function reasonOf(error: unknown): string {
  if (!(error instanceof PackagerError)) return String(error);
  const tail = error instanceof StageError ? error.stderrTail.trim().split('\n').at(-1) : undefined;
  return tail ? `${error.englishMessage}: ${tail}` : error.englishMessage;
}

process.once('message', async ({ options }: ChildRequest) => {
  try {
    const result = await packageTitle({
      ...options,
      onProgress: ({ stage, fraction }) => void send({ type: 'progress', stage, fraction }),
    });
    await send({ type: 'done', result: { asset: result.asset, report: result.report, notes: result.notes } });
  } catch (error) {
    await send({ type: 'failed', message: reasonOf(error) });
  }
  isFinished = true;
  process.disconnect?.();
});
