import type { ImportIssue } from './import-issues.ts';

/** What a sync stores per textbook or section to skip it cheaply next time. */
export interface SyncState {
  /** sha1 over the textbook entry, its chapter tree and its lesson list files (not the lesson details). */
  hash: string;
  /** Latest upstream `update_time` of the textbook and its lesson list entries. */
  updatedAt?: string;
}

/** The previous sync's state, keyed by our ids (`sm-…`). */
export interface PreviousSmarteduState {
  textbooks?: Record<string, SyncState>;
  sections?: Record<string, SyncState>;
}

export type ImportOutcome = 'added' | 'changed' | 'skipped';
export type SkipReason = 'unchanged' | 'invalid' | 'offline' | 'duplicate';

export interface ImportReportEntry {
  kind: 'textbook' | 'section';
  id: string;
  sourceId: string;
  title: string;
  outcome: ImportOutcome;
  reason?: SkipReason;
  lessons: number;
  lessonsSkipped: number;
  issues: number;
}

export interface SmarteduImportReport {
  location: string;
  formatVersion: number;
  moduleVersion?: string;
  entries: ImportReportEntry[];
  totals: {
    added: number;
    changed: number;
    skipped: number;
    lessons: number;
    lessonsSkipped: number;
    errors: number;
    warnings: number;
  };
  /** Every issue, including those of textbooks and sections. */
  issues: ImportIssue[];
  /** Our ids of every textbook and section listed upstream (skipped ones too): what a sync must not retire. */
  upstreamTextbookIds: string[];
  upstreamSectionIds: string[];
  /**
   * Whether every textbook list file was read. When not, a textbook missing from `upstreamTextbookIds` may
   * only sit in an unreadable file, so a sync must not retire it.
   */
  isTextbookListComplete: boolean;
  durationMs: number;
}

export class ReportBuilder {
  private readonly entries: ImportReportEntry[] = [];
  private readonly issues: ImportIssue[] = [];
  private readonly textbookIds: string[] = [];
  private readonly sectionIds: string[] = [];
  private isTextbookListComplete = false;
  private readonly startedAt = performance.now();

  constructor(
    private readonly location: string,
    private readonly formatVersion: number,
    private readonly moduleVersion: string | undefined,
  ) {}

  addIssues(issues: readonly ImportIssue[]): void {
    for (const found of issues) this.issues.push(found);
  }

  addEntry(entry: ImportReportEntry): void {
    this.entries.push(entry);
  }

  setTextbookListComplete(isComplete: boolean): void {
    this.isTextbookListComplete = isComplete;
  }

  addUpstream(kind: 'textbook' | 'section', id: string): void {
    (kind === 'textbook' ? this.textbookIds : this.sectionIds).push(id);
  }

  build(): SmarteduImportReport {
    const count = (outcome: ImportOutcome) =>
      this.entries.filter((entry) => entry.outcome === outcome).length;
    const sum = (field: 'lessons' | 'lessonsSkipped') =>
      this.entries.reduce((total, entry) => total + entry[field], 0);
    return {
      location: this.location,
      formatVersion: this.formatVersion,
      ...(this.moduleVersion ? { moduleVersion: this.moduleVersion } : {}),
      entries: this.entries,
      totals: {
        added: count('added'),
        changed: count('changed'),
        skipped: count('skipped'),
        lessons: sum('lessons'),
        lessonsSkipped: sum('lessonsSkipped'),
        errors: this.issues.filter((found) => found.severity === 'error').length,
        warnings: this.issues.filter((found) => found.severity === 'warning').length,
      },
      issues: this.issues,
      upstreamTextbookIds: this.textbookIds,
      upstreamSectionIds: this.sectionIds,
      isTextbookListComplete: this.isTextbookListComplete,
      durationMs: Math.round(performance.now() - this.startedAt),
    };
  }
}

/** True when the previous state shows the same content (by hash, else by update time). */
export function isUnchanged(previous: SyncState | undefined, current: SyncState): boolean {
  if (!previous) return false;
  if (previous.hash) return previous.hash === current.hash;
  if (!previous.updatedAt || !current.updatedAt) return false;
  return Date.parse(current.updatedAt) <= Date.parse(previous.updatedAt);
}
