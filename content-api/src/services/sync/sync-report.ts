import type { ImportIssue, SkipReason } from '@ketang/catalog';

export type SyncOutcome = 'added' | 'changed' | 'unchanged' | 'retired' | 'skipped';

/** What one sync did to one textbook or section. */
export type SyncEntry = {
  kind: 'textbook' | 'section';
  id: string;
  title?: string;
  outcome: SyncOutcome;
  /** Why a skipped record was not stored. */
  reason?: SkipReason;
  lessons: { added: number; changed: number; retired: number };
  issues: number;
};

export type SyncTotals = {
  added: number;
  changed: number;
  unchanged: number;
  retired: number;
  skipped: number;
  lessons: { added: number; changed: number; retired: number };
  /** Documents written to the store (0 when nothing changed upstream). */
  writes: number;
  errors: number;
  warnings: number;
};

export type SyncReport = {
  from: string;
  startedAt: string;
  durationMs: number;
  /** The catalogue revision after the sync (unchanged when nothing was written). */
  revision: number;
  totals: SyncTotals;
  entries: SyncEntry[];
  /** The first problems the importer reported (file, path, reason), for the operator to fix upstream. */
  issues: ImportIssue[];
};

const MAX_REPORTED_ISSUES = 200;

/** Collects entries and counts as a sync goes. */
export class SyncReportBuilder {
  private readonly entries: SyncEntry[] = [];
  private readonly issues: ImportIssue[] = [];
  private errors = 0;
  private warnings = 0;
  private readonly startedAt = new Date();
  writes = 0;

  constructor(private readonly from: string) {}

  add(entry: SyncEntry): void {
    this.entries.push(entry);
  }

  addIssues(issues: readonly ImportIssue[]): void {
    for (const found of issues) {
      if (found.severity === 'error') this.errors += 1;
      else this.warnings += 1;
      if (this.issues.length < MAX_REPORTED_ISSUES) this.issues.push(found);
    }
  }

  get processed(): number {
    return this.entries.length;
  }

  build(revision: number): SyncReport {
    const count = (outcome: SyncOutcome) => this.entries.filter((entry) => entry.outcome === outcome).length;
    const lessons = (field: keyof SyncEntry['lessons']) =>
      this.entries.reduce((total, entry) => total + entry.lessons[field], 0);
    return {
      from: this.from,
      startedAt: this.startedAt.toISOString(),
      durationMs: Date.now() - this.startedAt.getTime(),
      revision,
      totals: {
        added: count('added'),
        changed: count('changed'),
        unchanged: count('unchanged'),
        retired: count('retired'),
        skipped: count('skipped'),
        lessons: { added: lessons('added'), changed: lessons('changed'), retired: lessons('retired') },
        writes: this.writes,
        errors: this.errors,
        warnings: this.warnings,
      },
      entries: this.entries,
      issues: this.issues,
    };
  }
}
