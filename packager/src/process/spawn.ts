import { spawn, type ChildProcess } from 'node:child_process';
import { StageError } from '../errors.ts';
import { createLogger } from '../logger.ts';
import { quoteCommand } from './quote.ts';

const log = createLogger('spawn');
/** Children still running, so a CLI interrupted by a signal can stop them instead of orphaning them. */
const runningChildren = new Set<ChildProcess>();
const STDERR_TAIL_LINES = 20;

export interface RunOptions {
  /** Stage name for errors and logs. */
  stage: string;
  /** Called with each complete line of stdout (e.g. ffmpeg -progress pipe:1). */
  onStdoutLine?: (line: string) => void;
  cwd?: string;
  signal?: AbortSignal;
}

export interface RunResult {
  stdout: string;
  stderr: string;
}

/** The only place the packager starts a process. Resolves with its output, rejects with a StageError. */
export function runProcess(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<RunResult> {
  const quoted = quoteCommand(command, args);
  log.debug({ stage: options.stage, command: quoted }, 'spawn');
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      signal: options.signal,
    });
    runningChildren.add(child);
    child.on('exit', () => runningChildren.delete(child));
    const stdout: string[] = [];
    const stderr: string[] = [];
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout.push(chunk);
      if (!options.onStdoutLine) return;
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) options.onStdoutLine(line);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
    child.on('error', (error) => {
      reject(new StageError(options.stage, quoted, null, error.message));
    });
    child.on('close', (exitCode) => {
      const stderrText = stderr.join('');
      if (exitCode === 0) return resolve({ stdout: stdout.join(''), stderr: stderrText });
      reject(new StageError(options.stage, quoted, exitCode, tailOf(stderrText)));
    });
  });
}

function tailOf(text: string): string {
  return text.trimEnd().split('\n').slice(-STDERR_TAIL_LINES).join('\n');
}

/** Stops every process this module started that is still running (on SIGINT/SIGTERM of the CLI). */
export function stopRunningProcesses(signal: NodeJS.Signals = 'SIGTERM'): void {
  for (const child of runningChildren) child.kill(signal);
}
