import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSmartedu, openHttpSource, openSmarteduSource, smarteduLayout } from '../../src/index.ts';
import { SAMPLE_IDS, writeSampleMirror } from '../helpers/sample-mirror.ts';

let dir: string;
let server: Server;
let baseUrl: string;
const requested: string[] = [];

/** A static file server on 127.0.0.1, like an operator's mirror. */
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ketang-http-'));
  await writeSampleMirror(dir, { onlyTextbooksWithLessons: true });
  server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://mirror').pathname));
    requested.push(path);
    const file = join(dir, path);
    if (
      path.includes('..') ||
      !(await stat(file).then(
        (found) => found.isFile(),
        () => false,
      ))
    ) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mirror-root/`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe('reading a mirror over HTTP', () => {
  it('imports the same catalogue from a base URL as from the directory', async () => {
    // The server maps /mirror-root/… to the directory root.
    const viaHttp = await importSmartedu(openHttpSource(baseUrl.replace('/mirror-root/', '/')));
    const viaDir = await importSmartedu(dir);
    expect(viaHttp.report.totals).toEqual(viaDir.report.totals);
    expect(viaHttp.report.totals).toMatchObject({ added: 4, lessons: 9, errors: 0 });
    expect(viaHttp.catalogue.lessons).toEqual(viaDir.catalogue.lessons);
    expect(viaHttp.report.location).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(requested).toContain(`/${smarteduLayout.lessonDetail('singing', SAMPLE_IDS.singingLesson)}`);
  });

  it('treats 404 as a missing file and other statuses as read errors', async () => {
    const source = openSmarteduSource(baseUrl.replace('/mirror-root/', '/'));
    expect(await source.readBytes('zxx/nothing-here.json')).toBeUndefined();
    expect(await source.readBytes(smarteduLayout.lessonVersionFile)).toBeInstanceOf(Uint8Array);
    const refused = openHttpSource('http://127.0.0.1:9/', { retry: { attempts: 2, minDelayMs: 5 } });
    await expect(refused.readBytes('x.json')).rejects.toThrow(
      /^x\.json: GET http:\/\/127\.0\.0\.1:9\/x\.json failed after 2 attempts: request failed: fetch failed/,
    );
    await expect(source.readBytes('../etc/passwd')).rejects.toThrow(/inside the mirror/);
  });
});
