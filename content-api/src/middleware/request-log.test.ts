import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestLog } from './request-log.ts';

describe('the request log', () => {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  let server: ReturnType<ReturnType<typeof express>['listen']>;
  let base: string;

  beforeAll(async () => {
    const app = express();
    app.use(requestLog(pino({ level: 'info' }, sink)));
    app.get('/v1/thing', (_req, res) => {
      res.json({ ok: true });
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('logs a request by id, method, URL and address, and its status; never its credentials', async () => {
    const answer = await fetch(`${base}/v1/thing?x=1`, {
      headers: {
        authorization: 'Bearer household-secret-0123456789',
        'x-parental-pin': '4321',
        'x-request-id': 'box-request-0042',
      },
    });
    expect(answer.headers.get('x-request-id')).toBe('box-request-0042');
    await answer.text();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const line = lines.find((entry) => (entry.req as { url?: string } | undefined)?.url === '/v1/thing?x=1');
    expect(line).toBeDefined();
    expect(line!.req).toEqual({
      id: 'box-request-0042',
      method: 'GET',
      url: '/v1/thing?x=1',
      remoteAddress: '127.0.0.1',
    });
    expect(line!.res).toEqual({ statusCode: 200 });
    const text = JSON.stringify(lines);
    expect(text).not.toContain('household-secret');
    expect(text).not.toContain('4321');
  });

  it('gives a request without a usable id a new one', async () => {
    const answer = await fetch(`${base}/v1/thing`, { headers: { 'x-request-id': 'no spaces allowed' } });
    expect(answer.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
