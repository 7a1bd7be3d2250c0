import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ZipFile } from 'yazl';
import { createLessonLookup, type LessonRef } from './lesson-lookup.ts';
import { parseTimetable, type TimetableContext } from './parse-timetable.ts';
import { buildCsvTemplate, buildXlsxTemplate } from './timetable-template.ts';

const LESSONS: LessonRef[] = [
  { id: 'math-1', title: { zh: '认识数字', en: 'Numbers' }, durationSeconds: 40 * 60 },
  { id: 'math-2', title: { zh: '加法' }, durationSeconds: 35 * 60 + 10 },
  { id: 'zh-1', title: { zh: '复习' }, durationSeconds: 0 },
  { id: 'zh-2', title: { zh: '复习' }, durationSeconds: 30 * 60 },
];
const CONTEXT: TimetableContext = {
  lessons: createLessonLookup(LESSONS),
  channelNames: ['ch-g1', '一年级空中课堂'],
  maxDays: 31,
};

const csv = (text: string) => Buffer.from(text, 'utf8');
const parseCsv = (text: string, context = CONTEXT) => parseTimetable(csv(text), 'csv', context);

async function problemsOf(result: Promise<Awaited<ReturnType<typeof parseTimetable>>>) {
  const parsed = await result;
  if (parsed.isValid) throw new Error('expected problems, the file was valid');
  return parsed.problems.map(({ row, column, code }) => ({ row, column, code }));
}

async function xlsxOf(rows: unknown[][], formats: Record<number, string> = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('课表');
  for (const row of rows) sheet.addRow(row);
  for (const [column, format] of Object.entries(formats)) sheet.getColumn(Number(column)).numFmt = format;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('parseTimetable: CSV', () => {
  it('reads Chinese headers, 2026/9/1 dates and 8:00 times; a blank end is the lesson length', async () => {
    const parsed = await parseCsv(
      '日期,开始时间,结束时间,课程编号,备注\n2026/9/1,8:00,08:40:00,math-1,第一课\n2026-09-01,9:00,,math-2,\n',
    );
    expect(parsed).toMatchObject({ isValid: true, from: '2026-09-01', days: 1 });
    if (!parsed.isValid) return;
    expect(parsed.slots).toEqual([
      {
        row: 2,
        date: '2026-09-01',
        startSeconds: 8 * 3600,
        endSeconds: 8 * 3600 + 40 * 60,
        lessonId: 'math-1',
      },
      // 35 min 10 s, rounded up to the minute.
      {
        row: 3,
        date: '2026-09-01',
        startSeconds: 9 * 3600,
        endSeconds: 9 * 3600 + 36 * 60,
        lessonId: 'math-2',
      },
    ]);
    expect(parsed.warnings).toEqual([expect.objectContaining({ row: 3, column: 'start', code: 'gap' })]);
  });

  it('reads UTF-8 with a BOM, English headers and titles', async () => {
    const parsed = await parseCsv(
      '\uFEFFdate,start,end,title\n2026-09-02,08:00,08:40,Numbers\n2026-09-03,08:00,08:40,加法\n',
    );
    expect(parsed).toMatchObject({ isValid: true, from: '2026-09-02', days: 2 });
    if (parsed.isValid) expect(parsed.slots.map((slot) => slot.lessonId)).toEqual(['math-1', 'math-2']);
  });

  it('detects GB18030, as Chinese Excel saves CSV', async () => {
    const bytes = iconv.encode(
      '日期,开始时间,结束时间,课程名称,频道\n2026-09-01,08:00,08:40,认识数字,一年级空中课堂\n',
      'gb18030',
    );
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const parsed = await parseTimetable(bytes, 'csv', CONTEXT);
    expect(parsed).toMatchObject({ isValid: true, slots: [expect.objectContaining({ lessonId: 'math-1' })] });
  });

  it('names what it found and what it expects when columns are wrong', async () => {
    const parsed = await parseTimetable(
      csv('日期,时间,课程,老师\n2026-09-01,08:00,认识数字,王\n'),
      'csv',
      CONTEXT,
    );
    expect(parsed.isValid).toBe(false);
    if (parsed.isValid) return;
    expect(parsed.problems.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: 1, column: null, code: 'unknown_column' },
      { row: 1, column: null, code: 'unknown_column' },
      { row: 1, column: 'start', code: 'missing_column' },
    ]);
    expect(parsed.problems[2]!.message).toContain('found 日期, 时间, 课程, 老师');
    expect(parsed.problems[2]!.message).toContain('开始时间/start');
  });

  it('reports every bad cell at once, by row and column', async () => {
    const text = [
      '日期,开始时间,结束时间,课程编号,课程名称,频道',
      '2026-02-30,08:00,08:40,math-1,,', // no such day
      '2026-09-01,25:00,,math-1,,', // no such time
      '2026-09-01,10:00,09:00,math-1,,', // ends before it starts
      '2026-09-01,11:00,11:40,nope,,', // unknown id
      '2026-09-01,12:00,12:40,,不存在,', // unknown title
      '2026-09-01,13:00,13:40,,复习,', // two lessons have this title
      '2026-09-01,14:00,,zh-1,,', // no end and no length
      '2026-09-01,15:00,15:40,math-1,加法,', // id and title disagree
      '2026-09-01,16:00,16:40,math-1,,ch-g2', // another channel
      ',,,,,x', // nothing but a channel
    ].join('\n');
    expect(await problemsOf(parseCsv(text))).toEqual([
      { row: 2, column: 'date', code: 'bad_date' },
      { row: 3, column: 'start', code: 'bad_time' },
      { row: 4, column: 'end', code: 'end_before_start' },
      { row: 5, column: 'lessonId', code: 'unknown_lesson' },
      { row: 6, column: 'title', code: 'unknown_lesson' },
      { row: 7, column: 'title', code: 'ambiguous_title' },
      { row: 8, column: 'end', code: 'end_required' },
      { row: 9, column: 'title', code: 'lesson_title_mismatch' },
      { row: 10, column: 'channel', code: 'wrong_channel' },
      { row: 11, column: 'date', code: 'missing_value' },
      { row: 11, column: 'start', code: 'missing_value' },
      { row: 11, column: 'channel', code: 'wrong_channel' },
      { row: 11, column: 'lessonId', code: 'missing_value' },
    ]);
  });

  it('names both rows of an overlap, and a slot inside a longer one', async () => {
    const text = [
      'date,start,end,lessonId',
      '2026-09-01,08:00,10:00,math-1',
      '2026-09-01,08:30,08:50,math-2',
      '2026-09-01,09:30,10:30,math-1',
      '2026-09-02,08:30,08:50,math-2', // another day: no overlap
    ].join('\n');
    const parsed = await parseCsv(text);
    if (parsed.isValid) throw new Error('expected overlaps');
    expect(parsed.problems.map((entry) => [entry.row, entry.column, entry.code, entry.message])).toEqual([
      [3, 'start', 'overlap', 'row 3 (2026-09-01 08:30–08:50) overlaps row 2 (08:00–10:00)'],
      [4, 'start', 'overlap', 'row 4 (2026-09-01 09:30–10:30) overlaps row 2 (08:00–10:00)'],
    ]);
  });

  it('refuses an empty file, a header alone, too many rows and too many days', async () => {
    expect(await problemsOf(parseCsv(''))).toEqual([{ row: 0, column: null, code: 'empty_file' }]);
    expect(await problemsOf(parseCsv('\n\n'))).toEqual([{ row: 0, column: null, code: 'empty_file' }]);
    expect(await problemsOf(parseCsv('日期,开始时间,课程编号\n'))).toEqual([
      { row: 0, column: null, code: 'no_rows' },
    ]);
    const rows = Array.from({ length: 4 }, (_, i) => `2026-09-0${i + 1},08:00,,math-1`);
    const text = ['date,start,end,lessonId', ...rows].join('\n');
    expect(await problemsOf(parseCsv(text, { ...CONTEXT, maxRows: 3 }))).toEqual([
      { row: 0, column: null, code: 'too_many_rows' },
    ]);
    expect(await problemsOf(parseCsv(text, { ...CONTEXT, maxDays: 3 }))).toEqual([
      { row: 0, column: 'date', code: 'too_many_days' },
    ]);
  });

  it('reports a broken CSV by its line', async () => {
    expect(await problemsOf(parseCsv('date,start,lessonId\n2026-09-01,"08:00,math-1\n'))).toEqual([
      { row: expect.any(Number), column: null, code: 'unreadable_file' },
    ]);
  });
});

describe('parseTimetable: .xlsx', () => {
  it('reads Excel date and time cells written by exceljs', async () => {
    const time = (hours: number, minutes: number) => new Date(Date.UTC(1899, 11, 30, hours, minutes));
    const bytes = await xlsxOf(
      [
        ['日期', '开始时间', '结束时间', '课程编号'],
        [new Date(Date.UTC(2026, 8, 1)), time(8, 0), time(8, 40), 'math-1'],
        ['2026/9/1', '8:40', null, 'math-2'],
        [],
        [46267, 0.375, null, 'math-1'], // 2026-09-02 as an Excel day number, 09:00 as a day fraction
      ],
      { 1: 'yyyy-mm-dd', 2: 'hh:mm', 3: 'hh:mm' },
    );
    const parsed = await parseTimetable(bytes, 'xlsx', CONTEXT);
    expect(parsed).toMatchObject({ isValid: true, from: '2026-09-01', days: 2, warnings: [] });
    if (!parsed.isValid) return;
    expect(
      parsed.slots.map((slot) => [slot.row, slot.date, slot.startSeconds / 60, slot.endSeconds / 60]),
    ).toEqual([
      [2, '2026-09-01', 480, 520],
      [3, '2026-09-01', 520, 556],
      [5, '2026-09-02', 540, 580],
    ]);
  });

  it('reports an xlsx row by its sheet row', async () => {
    const bytes = await xlsxOf([
      ['date', 'start', 'end', 'title'],
      ['2026-09-01', '08:00', '08:40', 'Numbers'],
      ['2026-09-01', '08:20', '08:40', '没有这课'],
    ]);
    expect(await problemsOf(parseTimetable(bytes, 'xlsx', CONTEXT))).toEqual([
      { row: 3, column: 'title', code: 'unknown_lesson' },
    ]);
  });

  it('refuses a zip bomb before inflating it, and a file that is not a zip', async () => {
    const zip = new ZipFile();
    zip.addBuffer(Buffer.alloc(64 * 1024 * 1024), 'xl/worksheets/sheet1.xml');
    zip.end();
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    const bomb = Buffer.concat(chunks);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const parsed = await parseTimetable(bomb, 'xlsx', CONTEXT);
    expect(parsed).toMatchObject({ isValid: false, problems: [{ row: 0, code: 'unreadable_file' }] });
    if (!parsed.isValid) expect(parsed.problems[0]!.message).toContain('inflates to more than 20 MB');
    expect(await problemsOf(parseTimetable(csv('date,start\n'), 'xlsx', CONTEXT))).toEqual([
      { row: 0, column: null, code: 'unreadable_file' },
    ]);
  });

  it('refuses a zip whose headers lie about the sizes, while inflating it', async () => {
    const zip = new ZipFile();
    zip.addBuffer(Buffer.alloc(64 * 1024 * 1024), 'xl/worksheets/sheet1.xml');
    zip.end();
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    // Both the local header (offset 22) and the central directory entry (offset 24) claim 1,000 bytes.
    bytes.writeUInt32LE(1000, 22);
    bytes.writeUInt32LE(1000, bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24);
    const parsed = await parseTimetable(bytes, 'xlsx', CONTEXT);
    expect(parsed).toMatchObject({ isValid: false, problems: [{ row: 0, code: 'unreadable_file' }] });
    if (!parsed.isValid) expect(parsed.problems[0]!.message).toContain('too many bytes in the stream');
  });

  it('refuses a sheet of more rows than the limit', async () => {
    const rows = [
      ['date', 'start', 'lessonId'],
      ...Array.from({ length: 5 }, () => ['2026-09-01', '08:00', 'math-1']),
    ];
    expect(await problemsOf(parseTimetable(await xlsxOf(rows), 'xlsx', { ...CONTEXT, maxRows: 4 }))).toEqual([
      { row: 0, column: null, code: 'too_many_rows' },
    ]);
  });
});

describe('timetable templates', () => {
  it('import as they are, CSV and .xlsx', async () => {
    const example = { date: '2026-09-01', lessonId: 'math-1', title: '认识数字' };
    const csvTemplate = buildCsvTemplate(example);
    expect(csvTemplate.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csvTemplate.toString('utf8')).toContain('日期,开始时间,结束时间,课程编号,课程名称,备注');
    for (const [bytes, format] of [
      [csvTemplate, 'csv'],
      [await buildXlsxTemplate(example), 'xlsx'],
    ] as const) {
      expect(await parseTimetable(bytes, format, CONTEXT)).toMatchObject({
        isValid: true,
        slots: [
          {
            row: 2,
            date: '2026-09-01',
            startSeconds: 8 * 3600,
            endSeconds: 8 * 3600 + 40 * 60,
            lessonId: 'math-1',
          },
        ],
      });
    }
  });
});
