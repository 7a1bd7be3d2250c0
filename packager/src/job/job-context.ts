import type { JobOptions } from '../config/job-options.schema.ts';
import { ProgressTracker } from '../process/progress.ts';
import type { ToolPaths } from '../process/tools.ts';
import type { Publisher } from '../publish/publisher.ts';
import type { JobState } from './job-state.ts';
import type { JobStore } from './job-store.ts';

export interface ProgressEvent {
  assetId: string;
  stage: string;
  /** 0–1 over the whole job. */
  fraction: number;
  etaSeconds?: number;
}

/** What every step of one job shares; `save()` persists the state after each change. */
export class JobContext {
  readonly options: JobOptions;
  readonly tools: ToolPaths;
  readonly store: JobStore;
  readonly publisher: Publisher;
  readonly state: JobState;
  readonly jobDir: string;
  private tracker = new ProgressTracker({ plan: 1 });
  private readonly onProgress: (event: ProgressEvent) => void;
  /** Steps under way; several families encode in one process, and their analyses run side by side. */
  private readonly running = new Set<string>();
  private saving: Promise<void> = Promise.resolve();

  constructor(
    deps: { options: JobOptions; tools: ToolPaths; store: JobStore; publisher: Publisher; state: JobState },
    onProgress: (event: ProgressEvent) => void,
  ) {
    this.options = deps.options;
    this.tools = deps.tools;
    this.store = deps.store;
    this.publisher = deps.publisher;
    this.state = deps.state;
    this.jobDir = deps.store.jobDir(deps.options.assetId);
    this.onProgress = onProgress;
  }

  /** Saves are queued: steps running side by side must not write job.json at the same time. */
  save(): Promise<void> {
    this.saving = this.saving.catch(() => {}).then(() => this.store.write(this.state));
    return this.saving;
  }

  setStepWeights(weights: Record<string, number>): void {
    this.tracker = new ProgressTracker(weights);
    for (const step of this.state.doneSteps) this.tracker.update(step, 1);
  }

  /** Reports that `step` is `fraction` done; persisted progress is refreshed on step boundaries only. */
  report(step: string, fraction: number): void {
    const snapshot = this.tracker.update(step, fraction);
    this.state.progress = {
      fraction: snapshot.fraction,
      ...(snapshot.etaSeconds !== undefined ? { etaSeconds: Math.round(snapshot.etaSeconds) } : {}),
    };
    const stage = this.running.size > 0 ? this.state.stage : step;
    this.onProgress({ assetId: this.state.assetId, stage, ...this.state.progress });
  }

  /** Runs a step once: skipped when a previous run finished it, recorded as done when it succeeds. */
  runStep(step: string, work: () => Promise<void>): Promise<void> {
    return this.runSteps([step], work);
  }

  /**
   * Runs steps that one piece of work finishes together (families encoded by one process): skipped when a
   * previous run finished them all, every one recorded as done when the work succeeds.
   */
  async runSteps(steps: readonly string[], work: () => Promise<void>): Promise<void> {
    if (steps.every((step) => this.state.doneSteps.includes(step))) {
      for (const step of steps) this.report(step, 1);
      return;
    }
    for (const step of steps) this.setRunning(step, true);
    await this.save();
    for (const step of steps) this.report(step, 0);
    try {
      await work();
    } finally {
      for (const step of steps) this.setRunning(step, false);
    }
    for (const step of steps) {
      if (!this.state.doneSteps.includes(step)) this.state.doneSteps.push(step);
      this.report(step, 1);
    }
    await this.save();
  }

  /** `stage` names every step under way (`encode:h264 + encode:hevc`), or the last one when none is. */
  private setRunning(step: string, isRunning: boolean): void {
    if (isRunning) this.running.add(step);
    else this.running.delete(step);
    if (this.running.size > 0) this.state.stage = [...this.running].join(' + ');
  }
}
