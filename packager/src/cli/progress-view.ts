import type { ProgressEvent } from '../job/job-context.ts';
import { translate } from '../i18n/messages.ts';

const BAR_WIDTH = 24;

/** Renders one progress bar per job plus an overall bar; redraws in place on a TTY, prints stage changes otherwise. */
export class ProgressView {
  private readonly jobs = new Map<string, ProgressEvent>();
  private readonly out: NodeJS.WriteStream;
  private drawnLines = 0;
  private lastStage = new Map<string, string>();

  constructor(assetIds: string[], out: NodeJS.WriteStream = process.stderr) {
    this.out = out;
    for (const assetId of assetIds) this.jobs.set(assetId, { assetId, stage: 'pending', fraction: 0 });
  }

  update(event: ProgressEvent): void {
    this.jobs.set(event.assetId, event);
    if (this.out.isTTY) return this.redraw();
    if (this.lastStage.get(event.assetId) !== event.stage) {
      this.lastStage.set(event.assetId, event.stage);
      this.out.write(`${formatLine(event.assetId, event)}\n`);
    }
  }

  /** Prints a message above the bars. */
  print(message: string): void {
    if (this.out.isTTY) this.clear();
    this.out.write(`${message}\n`);
    if (this.out.isTTY) this.redraw();
  }

  private clear(): void {
    if (this.drawnLines > 0) this.out.write(`\x1b[${this.drawnLines}A\x1b[J`);
    this.drawnLines = 0;
  }

  private redraw(): void {
    this.clear();
    const events = [...this.jobs.values()];
    const lines = events.map((e) => formatLine(e.assetId, e));
    if (events.length > 1) lines.push(formatLine(translate('cli.overall'), overall(events)));
    this.out.write(lines.join('\n') + '\n');
    this.drawnLines = lines.length;
  }
}

function overall(events: ProgressEvent[]): ProgressEvent {
  const fraction = events.reduce((sum, e) => sum + e.fraction, 0) / events.length;
  const etas = events.map((e) => e.etaSeconds ?? 0);
  return { assetId: '', stage: '', fraction, etaSeconds: Math.max(...etas) };
}

/** Pure: `lesson-01  [#####-----]  42% encode:hevc  about 1m20s left` */
export function formatLine(label: string, event: Omit<ProgressEvent, 'assetId'>): string {
  const filled = Math.round(event.fraction * BAR_WIDTH);
  const bar = '#'.repeat(filled) + '-'.repeat(BAR_WIDTH - filled);
  const percent = `${Math.floor(event.fraction * 100)}%`.padStart(4);
  const eta = event.etaSeconds ? translate('cli.eta', { eta: formatDuration(event.etaSeconds) }) : '';
  return `${label.padEnd(20)} [${bar}] ${percent} ${event.stage} ${eta}`.trimEnd();
}

export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60
    ? `${m}m${String(s % 60).padStart(2, '0')}s`
    : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
