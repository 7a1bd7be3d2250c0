import { spawn } from 'node:child_process';
import { ProcessFailedError } from './errors.ts';

const STDERR_TAIL_CHARS = 2000;

export interface ProcessResult {
  stdout: string;
  stderr: string;
}

/** Quote one argument for display, so a logged or reported command can be pasted into a shell. */
export function quoteShellArg(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function formatCommand(command: string, args: readonly string[]): string {
  return [command, ...args].map(quoteShellArg).join(' ');
}

/**
 * The only place the tool starts a process. Resolves with its output on exit 0; rejects with
 * ProcessFailedError otherwise, or with the spawn error (code ENOENT) when the program is not installed.
 */
export function runProcess(command: string, args: readonly string[]): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (exitCode) => {
      const result = {
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      };
      if (exitCode === 0) resolve(result);
      else
        reject(
          new ProcessFailedError(
            formatCommand(command, args),
            exitCode,
            result.stderr.slice(-STDERR_TAIL_CHARS),
          ),
        );
    });
  });
}
