/** A cell as a reader hands it on: text, a number, or a date (Excel date and time cells), or nothing. */
export type SheetCell = string | number | Date | null;

/** One non-blank row of a sheet, numbered as a spreadsheet program shows it (the first row is 1). */
export type SheetRow = { row: number; cells: SheetCell[] };

/** What a reader found: the non-blank rows, and whether it stopped at the row limit with more to come. */
export type SheetRows = { rows: SheetRow[]; isTruncated: boolean };

export const isBlankCell = (cell: SheetCell): boolean =>
  cell === null || (typeof cell === 'string' && cell.trim() === '');

/** Keeps the rows that hold anything, and stops once `maxRows` of them were kept (then `isTruncated`). */
export function collectRows(all: Iterable<SheetRow>, maxRows: number): SheetRows {
  const rows: SheetRow[] = [];
  for (const entry of all) {
    if (entry.cells.every(isBlankCell)) continue;
    if (rows.length === maxRows) return { rows, isTruncated: true };
    rows.push(entry);
  }
  return { rows, isTruncated: false };
}
