import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, ChildRequest } from './packaging-child.ts';

const STOP_WAIT_MS = 5_000;

export type PackagingOutcome = Extract<ChildMessage, { type: 'done' }>['result'];

/**
 * The child's entry: from the TypeScript sources (tsx, tests) the .ts file under tsx; from the compiled
 * server (content-api/dist) the bundled `packaging-child.js` beside it.
 */
function childEntry(): { file: string; execArgv: string[] } {
  const isSource = import.meta.url.endsWith('.ts');
  const file = fileURLToPath(
    new URL(isSource ? './packaging-child.ts' : './packaging-child.js', import.meta.url),
  );
  return { file, execArgv: isSource ? ['--import', 'tsx'] : [] };
}

/**
 * Runs one packaging job in a child process of its own process group, so that stopping it (an API shutdown)
 * also stops the ffmpeg and Shaka Packager processes it started.
 */
export class PackagingRun {
  private readonly child: ChildProcess;
  readonly outcome: Promise<PackagingOutcome>;

  constructor(options: ChildRequest['options'], onProgress: (stage: string, fraction: number) => void) {
    const { file, execArgv } = childEntry();
    this.child = fork(file, [], { execArgv, detached: true, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    this.child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    this.outcome = new Promise<PackagingOutcome>((resolve, reject) => {
      let settled = false;
      const settle = (settleWith: () => void) => {
        if (settled) return;
        settled = true;
        settleWith();
      };
      this.child.on('message', (message: ChildMessage) => {
        if (message.type === 'progress') onProgress(message.stage, message.fraction);
        else if (message.type === 'done') settle(() => resolve(message.result));
        else settle(() => reject(new Error(message.message)));
      });
      this.child.on('error', (error) => settle(() => reject(error)));
      this.child.on('exit', (code, signal) => {
        const tail = stderr.trim().split('\n').slice(-3).join(' ');
        const why = `the packaging process ended (${signal ?? `exit ${code}`}) ${tail}`.trim();
        settle(() => reject(new Error(why)));
      });
    });
    this.child.send({ options } satisfies ChildRequest);
  }

  /** Stops the child and everything it started; resolves once the child has exited (at most 5 s). */
  async stop(): Promise<void> {
    if (this.child.pid === undefined || this.child.exitCode !== null || this.child.signalCode !== null)
      return;
    const exited = new Promise<void>((resolve) => {
      this.child.once('exit', () => resolve());
      setTimeout(resolve, STOP_WAIT_MS).unref();
    });
    try {
      process.kill(-this.child.pid, 'SIGKILL');
    } catch {
      this.child.kill('SIGKILL');
    }
    await exited;
  }
}
