import type { SyncReport } from './sync-report.ts';

/** The report as an operator reads it in a terminal: totals, then every textbook or section that moved. */
export function formatSyncReport(report: SyncReport): string {
  const { totals } = report;
  const lines = [
    `synced ${report.from} in ${(report.durationMs / 1000).toFixed(1)} s (revision ${report.revision})`,
    `  textbooks and sections: ${totals.added} added, ${totals.changed} changed, ${totals.unchanged} unchanged, ` +
      `${totals.retired} retired, ${totals.skipped} skipped`,
    `  lessons: ${totals.lessons.added} added, ${totals.lessons.changed} changed, ${totals.lessons.retired} retired`,
    `  ${totals.writes} documents written; ${totals.errors} errors, ${totals.warnings} warnings`,
  ];
  for (const entry of report.entries) {
    if (entry.outcome === 'unchanged') continue;
    const lessons = entry.lessons;
    lines.push(
      `  ${entry.outcome.padEnd(8)} ${entry.kind} ${entry.id}${entry.title ? ` ${entry.title}` : ''}` +
        (entry.reason ? ` (${entry.reason})` : '') +
        ` — lessons +${lessons.added} ~${lessons.changed} -${lessons.retired}`,
    );
  }
  for (const issue of report.issues.slice(0, 20)) {
    lines.push(`  ${issue.severity}: ${issue.file} ${issue.path}: ${issue.reason}`);
  }
  return lines.join('\n');
}
