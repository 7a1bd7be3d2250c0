import { mkdir, open, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PackagerError } from '../errors.ts';
import type { JobState } from './job-state.ts';

const STATE_FILE = 'job.json';
const LOCK_FILE = 'job.lock';

/** One directory per title under the jobs root: job.json (state), job.lock (owner pid), encode/, quality/, staging/. */
export class JobStore {
  readonly jobsRoot: string;

  constructor(jobsRoot: string) {
    this.jobsRoot = jobsRoot;
  }

  jobDir(assetId: string): string {
    return path.join(this.jobsRoot, assetId);
  }

  async read(assetId: string): Promise<JobState | undefined> {
    try {
      return JSON.parse(await readFile(path.join(this.jobDir(assetId), STATE_FILE), 'utf8')) as JobState;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Atomic write (temp file + rename): a kill never leaves a torn job.json. */
  async write(state: JobState): Promise<void> {
    const dir = this.jobDir(state.assetId);
    await mkdir(dir, { recursive: true });
    const temp = path.join(dir, `${STATE_FILE}.${process.pid}.tmp`);
    await writeFile(temp, JSON.stringify({ ...state, updatedAt: new Date().toISOString() }, null, 2));
    await rename(temp, path.join(dir, STATE_FILE));
  }

  async list(): Promise<JobState[]> {
    const names = await readdir(this.jobsRoot).catch(() => [] as string[]);
    const states = await Promise.all(names.map((name) => this.read(name).catch(() => undefined)));
    return states
      .filter((s): s is JobState => s !== undefined)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** Takes the job's lock; a lock whose process is gone (killed job) is taken over. */
  async lock(assetId: string): Promise<() => Promise<void>> {
    const dir = this.jobDir(assetId);
    await mkdir(dir, { recursive: true });
    const lockPath = path.join(dir, LOCK_FILE);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const handle = await open(lockPath, 'wx');
        await handle.writeFile(String(process.pid));
        await handle.close();
        return () => rm(lockPath, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const pid = Number(await readFile(lockPath, 'utf8').catch(() => '0'));
        if (isAlive(pid)) throw new PackagerError('job.busy', { assetId, pid });
        await rm(lockPath, { force: true });
      }
    }
    throw new PackagerError('job.busy', { assetId, pid: '?' });
  }
}

function isAlive(pid: number): boolean {
  if (!pid) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
