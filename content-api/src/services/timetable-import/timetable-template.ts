import ExcelJS from 'exceljs';
import { COLUMN_HEADERS } from './timetable-columns.ts';
import type { TimetableColumn } from './timetable-problem.ts';

export const TIMETABLE_MEDIA_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const TEMPLATE_COLUMNS: TimetableColumn[] = ['date', 'start', 'end', 'lessonId', 'title', 'note'];

/** The example row: a lesson of the channel when it has one, so the template imports as it is. */
export type TemplateExample = { date: string; lessonId: string; title: string };

const exampleCells = (example: TemplateExample) => [
  example.date,
  '08:00',
  '08:40',
  example.lessonId,
  example.title,
  '示例，可删除 / example, delete me',
];

const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/** A CSV template: the Chinese headers and one example row, UTF-8 with the BOM Excel needs to read it. */
export function buildCsvTemplate(example: TemplateExample): Buffer {
  const header = TEMPLATE_COLUMNS.map((column) => COLUMN_HEADERS[column][0]!);
  const lines = [header, exampleCells(example)].map((cells) => cells.map(quote).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** An .xlsx template: the same, with a real date cell and time cells, as a bureau's sheet has them. */
export async function buildXlsxTemplate(example: TemplateExample): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('课表');
  sheet.columns = TEMPLATE_COLUMNS.map((column) => ({
    header: COLUMN_HEADERS[column][0]!,
    key: column,
    width: column === 'title' || column === 'note' ? 28 : 14,
  }));
  const [, , , lessonId, title, note] = exampleCells(example);
  const time = (hours: number, minutes: number) => new Date(Date.UTC(1899, 11, 30, hours, minutes));
  sheet.addRow({
    date: new Date(`${example.date}T00:00:00Z`),
    start: time(8, 0),
    end: time(8, 40),
    lessonId,
    title,
    note,
  });
  sheet.getColumn('date').numFmt = 'yyyy-mm-dd';
  sheet.getColumn('start').numFmt = 'hh:mm';
  sheet.getColumn('end').numFmt = 'hh:mm';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
