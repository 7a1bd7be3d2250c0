import { request } from 'node:http';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.ts';
import { buildFixtureCatalogue } from '../fixtures/catalogue.ts';
import { ADMIN_PASSWORD, getJson, sendJson, startApi } from '../support/api.ts';
import { embeddedBackend } from '../support/backends.ts';

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CHANNEL = '/v1/operator/regions/jx/draft/channels/ch-g1';
const IMPORT = `${CHANNEL}/timetable-import`;
// The fixture's grade-1 lessons: 认识立体图形 (l-shapes, 15 min), 静夜思 (l-poem), 10以内的加法 (l-add-10, 30 min).
const DAY = '2026-11-02';
const HEADER = '日期,开始时间,结束时间,课程编号,课程名称,备注';

/** The backend of this suite: the import writes only through the draft service, whose store suites cover both. */
const backend = embeddedBackend;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function xlsxOf(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('课表');
  for (const row of rows) sheet.addRow(row);
  sheet.getColumn(1).numFmt = 'yyyy-mm-dd';
  sheet.getColumn(2).numFmt = 'hh:mm';
  sheet.getColumn(3).numFmt = 'hh:mm';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('timetable import into a channel draft', () => {
  let api: RunningServer;
  const tokens: Record<string, string> = {};

  const upload = (body: Buffer, type: string, options: { query?: string; token?: string } = {}) =>
    getJson(api.url, `${IMPORT}${options.query ?? ''}`, {
      method: 'POST',
      headers: { 'content-type': type, ...bearer(options.token ?? tokens.scheduler!) },
      body,
    });
  const draftSlots = async (from = DAY, days = 7) => {
    const answer = await getJson(api.url, `${CHANNEL}/slots?from=${from}&days=${days}`, {
      headers: bearer(tokens.scheduler!),
    });
    expect(answer.status).toBe(200);
    return (answer.body.items as { start: string; end: string; lessonId: string }[]).map(
      ({ start, end, lessonId }) => ({ start, end, lessonId }),
    );
  };
  const detailsOf = (body: { error: { details: { row: number; column: string | null; code: string }[] } }) =>
    body.error.details.map(({ row, column, code }) => ({ row, column, code }));

  beforeAll(async () => {
    api = await startApi(await backend.open(), buildFixtureCatalogue(new Date('2026-10-14T02:10:00Z')));
    const login = async (username: string, password: string) =>
      (await sendJson(api.url, '/v1/operator/sessions', 'POST', { username, password })).body.token as string;
    tokens.admin = await login('admin', ADMIN_PASSWORD);
    for (const role of ['scheduler', 'viewer', 'curator'] as const) {
      const password = `${role}-password-123`;
      const created = await sendJson(
        api.url,
        '/v1/operator/operators',
        'POST',
        { username: role, password, role },
        bearer(tokens.admin),
      );
      expect(created.status).toBe(201);
      tokens[role] = await login(role, password);
    }
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await backend.shutdown();
  });

  it('imports a GB18030 CSV: the whole covered days replaced, the slots in the draft, gaps as warnings', async () => {
    const text = [
      HEADER,
      `${DAY},8:00,,l-shapes,,第一节`,
      `2026/11/2,08:30,09:10,,静夜思,`,
      `2026-11-03,9:00,09:30:00,l-add-10,10以内的加法,`,
    ].join('\r\n');
    const answer = await upload(iconv.encode(text, 'gb18030'), CSV);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ from: DAY, days: 2, slots: 3, dryRun: false });
    expect(answer.body.warnings).toEqual([
      expect.objectContaining({ row: 3, column: 'start', code: 'gap' }), // 08:15 → 08:30
    ]);
    expect(await draftSlots(DAY, 2)).toEqual([
      { start: '2026-11-02T00:00:00.000Z', end: '2026-11-02T00:15:00.000Z', lessonId: 'l-shapes' },
      { start: '2026-11-02T00:30:00.000Z', end: '2026-11-02T01:10:00.000Z', lessonId: 'l-poem' },
      { start: '2026-11-03T01:00:00.000Z', end: '2026-11-03T01:30:00.000Z', lessonId: 'l-add-10' },
    ]);
  });

  it('imports an .xlsx of date and time cells, replacing the day; a dry run writes nothing', async () => {
    const time = (hours: number, minutes: number) => new Date(Date.UTC(1899, 11, 30, hours, minutes));
    const bytes = await xlsxOf([
      ['date', 'start', 'end', 'lessonId'],
      [new Date(Date.UTC(2026, 10, 2)), time(10, 0), time(10, 15), 'l-shapes'],
    ]);
    const before = await draftSlots(DAY, 2);
    const dry = await upload(bytes, XLSX, { query: '?dryRun=true' });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({
      dryRun: true,
      slots: 1,
      items: [
        { row: 2, start: '2026-11-02T02:00:00.000Z', end: '2026-11-02T02:15:00.000Z', lessonId: 'l-shapes' },
      ],
    });
    expect(await draftSlots(DAY, 2)).toEqual(before);
    expect((await upload(bytes, XLSX)).status).toBe(200);
    expect(await draftSlots(DAY, 1)).toEqual([
      { start: '2026-11-02T02:00:00.000Z', end: '2026-11-02T02:15:00.000Z', lessonId: 'l-shapes' },
    ]);
    expect(await draftSlots('2026-11-03', 1)).toEqual([before[before.length - 1]]);
  });

  it('refuses wrong columns, overlaps and unknown lessons by row and column, changing nothing', async () => {
    const before = await draftSlots(DAY, 2);
    const wrongColumns = await upload(Buffer.from('\uFEFF日期,时间,课程\n2026-11-02,08:00,静夜思\n'), CSV);
    expect(wrongColumns.status).toBe(400);
    expect(wrongColumns.body.error.code).toBe('invalid_timetable');
    expect(detailsOf(wrongColumns.body)).toEqual([
      { row: 1, column: null, code: 'unknown_column' },
      { row: 1, column: 'start', code: 'missing_column' },
    ]);
    expect(wrongColumns.body.error.details[1].message).toContain('found 日期, 时间, 课程');

    const bad = [
      HEADER,
      `${DAY},08:00,08:40,l-shapes,,`,
      `${DAY},08:20,08:50,l-poem,,`, // overlaps row 2
      `${DAY},09:00,09:40,l-div,,`, // a grade-2 lesson
      `${DAY},10:00,10:40,,没有这一课,`,
    ].join('\n');
    const refused = await upload(Buffer.from(bad), CSV);
    expect(refused.status).toBe(400);
    expect(detailsOf(refused.body)).toEqual([
      { row: 3, column: 'start', code: 'overlap' },
      { row: 4, column: 'lessonId', code: 'unknown_lesson' },
      { row: 5, column: 'title', code: 'unknown_lesson' },
    ]);
    expect(refused.body.error.details[0].message).toContain('overlaps row 2');
    expect(await draftSlots(DAY, 2)).toEqual(before);
  });

  it('refuses a 50 MB spreadsheet at once with 413 naming the limit, without reading it', async () => {
    const before = await draftSlots(DAY, 2);
    const started = performance.now();
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const sent = request(`${api.url}${IMPORT}`, {
        method: 'POST',
        headers: {
          'content-type': XLSX,
          'content-length': String(50 * 1024 * 1024),
          ...bearer(tokens.scheduler!),
        },
      });
      sent.on('response', (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => {
          sent.destroy(); // the other 49 MB are never sent
          resolve({ status: response.statusCode ?? 0, body });
        });
      });
      sent.on('error', reject);
      // Only the first megabyte is sent: the answer must not wait for the rest.
      sent.write(Buffer.alloc(1024 * 1024));
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error).toMatchObject({
      code: 'payload_too_large',
      message: expect.stringContaining('5 MB'),
    });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(await draftSlots(DAY, 2)).toEqual(before);
  });

  it('stops a chunked upload without a length at the 5 MB limit', async () => {
    const chunk = Buffer.alloc(256 * 1024, 0x41);
    const answer = await new Promise<number>((resolve, reject) => {
      const sent = request(`${api.url}${IMPORT}`, {
        method: 'POST',
        headers: { 'content-type': CSV, 'transfer-encoding': 'chunked', ...bearer(tokens.scheduler!) },
      });
      sent.on('response', (response) => {
        response.resume();
        sent.destroy();
        resolve(response.statusCode ?? 0);
      });
      sent.on('error', (error) => (sent.destroyed ? undefined : reject(error)));
      // 8 MB in chunks, bounded: the answer comes once 5 MB have arrived.
      let left = 32;
      const pump = () => {
        while (left > 0 && !sent.destroyed) {
          left -= 1;
          if (!sent.write(chunk)) return void sent.once('drain', pump);
        }
      };
      pump();
    });
    expect(answer).toBe(413);
  });

  it("tells the draft's own refusal by row: a slot kept from the day before runs into the file's first", async () => {
    // 23:30–00:30 in Shanghai, written over two days; kept when the second day alone is replaced.
    const kept = await sendJson(
      api.url,
      `${CHANNEL}/slots`,
      'PUT',
      {
        from: '2026-11-09',
        days: 2,
        slots: [{ start: '2026-11-09T15:30:00Z', end: '2026-11-09T16:30:00Z', lessonId: 'l-poem' }],
      },
      bearer(tokens.scheduler!),
    );
    expect(kept.status).toBe(200);
    const file = `${HEADER}\n2026-11-10,07:00,07:15,l-shapes,,\n2026-11-10,00:00,00:15,l-shapes,,\n`;
    const refused = await upload(Buffer.from(file), CSV);
    expect(refused.status).toBe(400);
    expect(detailsOf(refused.body)).toEqual([{ row: 3, column: 'start', code: 'rejected' }]);
    expect(refused.body.error.details[0].message).toContain('the day before');
    expect(await draftSlots('2026-11-10', 1)).toEqual([]);
  });

  it('lets only admins and schedulers import; answers 401, 404, 415 and 400 for a bad query', async () => {
    const file = Buffer.from(`${HEADER}\n${DAY},08:00,08:15,l-shapes,,\n`);
    for (const role of ['viewer', 'curator'] as const) {
      const answer = await upload(file, CSV, { token: tokens[role] });
      expect(answer.status).toBe(403);
    }
    expect((await upload(file, CSV, { token: 'kt_not-a-session' })).status).toBe(401);
    expect((await upload(file, 'text/plain')).status).toBe(415);
    expect((await upload(file, CSV, { query: '?dryRun=maybe' })).status).toBe(400);
    const unknown = await fetch(`${api.url}/v1/operator/regions/jx/draft/channels/no-such/timetable-import`, {
      method: 'POST',
      headers: { 'content-type': CSV, ...bearer(tokens.admin!) },
      body: file,
    });
    expect(unknown.status).toBe(404);
  });

  it('serves CSV and .xlsx templates that import as they are', async () => {
    for (const [format, type] of [
      ['csv', CSV],
      ['xlsx', XLSX],
    ] as const) {
      const template = await fetch(`${api.url}${IMPORT}/template?format=${format}`, {
        headers: bearer(tokens.scheduler!),
      });
      expect(template.status).toBe(200);
      expect(template.headers.get('content-type')).toContain(type);
      expect(template.headers.get('content-disposition')).toContain(`timetable-ch-g1.${format}`);
      const bytes = Buffer.from(await template.arrayBuffer());
      const dry = await upload(bytes, type, { query: '?dryRun=true' });
      expect(dry.status).toBe(200);
      expect(dry.body.slots).toBe(1);
    }
    const viewer = await fetch(`${api.url}${IMPORT}/template`, { headers: bearer(tokens.viewer!) });
    expect(viewer.status).toBe(403);
  });

  it('documents the raw-body upload with both media types and its limit in the OpenAPI document', async () => {
    const document = (await getJson(api.url, '/v1/openapi.json')).body;
    const operation =
      document.paths['/v1/operator/regions/{region}/draft/channels/{channelId}/timetable-import'].post;
    expect(Object.keys(operation.requestBody.content)).toEqual([CSV, XLSX]);
    expect(operation.responses['413'].description).toContain('5 MB');
    expect(operation.parameters.map((parameter: { name: string }) => parameter.name).sort()).toEqual([
      'carrier',
      'channelId',
      'dryRun',
      'region',
    ]);
  });
});
