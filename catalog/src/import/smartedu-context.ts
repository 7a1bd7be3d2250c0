import type { Facet } from '../model/facets.ts';
import type { Lesson } from '../model/lesson.ts';
import type { Provider } from '../model/provider.ts';
import type { Section } from '../model/section.ts';
import type { Textbook } from '../model/textbook.ts';
import type { SmarteduSource } from '../sources/smartedu/source/mirror-source.ts';
import type { SmarteduMapper } from '../sources/smartedu/v2/index.ts';
import type { ImportIssue } from './import-issues.ts';
import type { ImportOutcome, SmarteduImportReport, SyncState } from './smartedu-report.ts';

/** State shared by one import run. */
export interface ImportContext {
  source: SmarteduSource;
  mapper: SmarteduMapper;
  moduleVersion?: string;
  concurrency: number;
  /** Validate every mapped record against the catalogue model (on by default). */
  validate: boolean;
}

/** Where each lesson of a batch was listed (`file path`), to report duplicates across batches. */
export type ListedAt = Map<string, { file: string; path: string }>;

/** What the stream yields, in this order: facets, textbooks, sections, done. */
export type SmarteduBatch =
  | { kind: 'facets'; facets: Facet[]; issues: ImportIssue[] }
  | {
      kind: 'textbook';
      change: Exclude<ImportOutcome, 'skipped'>;
      textbook: Textbook;
      lessons: Lesson[];
      /** Providers first referenced by these lessons. */
      providers: Provider[];
      issues: ImportIssue[];
      /** Store it; pass it back in `previous` to skip this textbook when nothing changed. */
      state: SyncState;
    }
  | {
      kind: 'section';
      change: Exclude<ImportOutcome, 'skipped'>;
      section: Section;
      lessons: Lesson[];
      providers: Provider[];
      issues: ImportIssue[];
      state: SyncState;
    }
  | {
      kind: 'skipped';
      target: 'textbook' | 'section';
      id: string;
      sourceId: string;
      reason: 'unchanged' | 'invalid' | 'offline' | 'duplicate';
      issues: ImportIssue[];
      state?: SyncState;
    }
  | { kind: 'done'; report: SmarteduImportReport };

/** A batch and where its lessons were listed (internal: the stream yields only the batch). */
export interface BatchOutcome<K extends 'textbook' | 'section'> {
  batch: Extract<SmarteduBatch, { kind: K | 'skipped' }>;
  listedAt: ListedAt;
}
