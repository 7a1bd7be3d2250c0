import ExcelJS from 'exceljs';
import { checkZipBounds, ZipRefusedError, type ZipBounds } from './check-zip.ts';
import { collectRows, type SheetCell, type SheetRow, type SheetRows } from './sheet-rows.ts';
import { problem, type TimetableProblem } from './timetable-problem.ts';

/** What exceljs keeps in a cell, down to text, a number or a date: formulas by their result, rich text as text. */
function toSheetCell(value: ExcelJS.CellValue): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if ('result' in value) return toSheetCell((value.result ?? null) as ExcelJS.CellValue);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return null;
}

function rowsOf(sheet: ExcelJS.Worksheet): SheetRow[] {
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: SheetCell[] = [];
    for (let column = 1; column <= row.cellCount; column += 1)
      cells.push(toSheetCell(row.getCell(column).value));
    rows.push({ row: number, cells });
  });
  return rows;
}

/**
 * The first worksheet's non-blank rows of an .xlsx file, at most `maxRows`. The archive is checked for a
 * zip bomb first (check-zip.ts); date and time cells come out as dates, as exceljs reads them (UTC).
 */
export async function readXlsxRows(
  bytes: Buffer,
  maxRows: number,
  bounds: ZipBounds,
): Promise<SheetRows | TimetableProblem> {
  try {
    await checkZipBounds(bytes, bounds);
  } catch (error) {
    if (!(error instanceof ZipRefusedError)) throw error;
    return problem(0, null, 'unreadable_file', `the .xlsx file was refused: ${error.message}`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    return problem(0, null, 'unreadable_file', `the .xlsx file cannot be read: ${(error as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { rows: [], isTruncated: false };
  // Counted before the rows are copied out: a sheet of a million rows stops here.
  if (sheet.actualRowCount > maxRows) return { rows: [], isTruncated: true };
  return collectRows(rowsOf(sheet), maxRows);
}
