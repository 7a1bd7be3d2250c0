/** A problem found while importing: where (file and JSON path), what, and how bad. Never thrown; collected. */
export interface ImportIssue {
  /** Relative path of the file in the mirror. */
  file: string;
  /** JSON path inside the file, e.g. `$[3].tag_list`; `$` for the whole file. */
  path: string;
  reason: string;
  /** error: the record was skipped. warning: imported, with something missing or odd. */
  severity: 'error' | 'warning';
  /** Upstream id of the record concerned, when known. */
  recordId?: string;
}

export function issue(
  file: string,
  path: string,
  reason: string,
  severity: ImportIssue['severity'] = 'error',
  recordId?: string,
): ImportIssue {
  return recordId === undefined
    ? { file, path, reason, severity }
    : { file, path, reason, severity, recordId };
}

/** `$[3].tag_list[0]` from zod's issue path. */
export function jsonPath(base: string, segments: readonly PropertyKey[]): string {
  return segments.reduce<string>(
    (path, segment) => (typeof segment === 'number' ? `${path}[${segment}]` : `${path}.${String(segment)}`),
    base,
  );
}
