import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FileStore } from '@tus/file-store';
import { Upload } from '@tus/server';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UPLOADS_PER_SWEEP, UploadRetention } from './upload-retention.ts';
import { UploadServer } from './upload-server.ts';

const HOUR_MS = 3_600_000;
const EXPIRY_MS = 48 * HOUR_MS;
const NOW = new Date('2026-03-02T12:00:00Z');

describe('UploadRetention: expired uploads leave the uploads folder', () => {
  let directory: string;
  let files: FileStore;
  let uploads: UploadServer;
  let held: Set<string>;
  let retention: UploadRetention;

  /** An upload as tus writes it (the file and its .json info), created `ageMs` before NOW. */
  const upload = async (id: string, ageMs: number, { complete = false } = {}) => {
    const creation_date = new Date(NOW.getTime() - ageMs).toISOString();
    await files.create(new Upload({ id, size: 10, offset: 0, creation_date }));
    if (complete) await files.declareUploadLength(id, 0); // size 0 = offset 0: all bytes received
  };
  const exists = (id: string) =>
    existsSync(path.join(directory, id)) || existsSync(path.join(directory, `${id}.json`));

  beforeEach(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'ketang-uploads-'));
    files = new FileStore({ directory });
    uploads = new UploadServer(directory, { maxBytes: 1024, expiryMs: EXPIRY_MS });
    held = new Set();
    retention = new UploadRetention(uploads, async () => held, {
      expiryMs: EXPIRY_MS,
      logger: pino({ level: 'silent' }),
      clock: () => NOW,
    });
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('removes abandoned and unpackaged uploads once expired, keeping recent ones and those a job holds', async () => {
    await upload('abandoned', EXPIRY_MS + 1);
    await upload('never-packaged', EXPIRY_MS + HOUR_MS, { complete: true });
    await upload('queued-job', EXPIRY_MS + HOUR_MS, { complete: true });
    await upload('in-progress', EXPIRY_MS - HOUR_MS);
    held.add('queued-job');

    expect(await retention.sweep()).toBe(2);
    expect(['abandoned', 'never-packaged', 'queued-job', 'in-progress'].map(exists)).toEqual([
      false,
      false,
      true,
      true,
    ]);
    expect(await retention.sweep()).toBe(0);
  });

  it(`removes at most ${UPLOADS_PER_SWEEP} a sweep, oldest first; the next sweep takes the rest`, async () => {
    const count = UPLOADS_PER_SWEEP + 20;
    for (let index = 0; index < count; index++)
      await upload(`u${String(index).padStart(3, '0')}`, EXPIRY_MS + (count - index) * 1000);
    held.add('u000'); // the oldest is held: it does not use up a place in the sweep
    expect(await retention.sweep()).toBe(UPLOADS_PER_SWEEP);
    expect(exists('u000')).toBe(true);
    expect(exists('u001')).toBe(false);
    expect(exists(`u${count - 1}`)).toBe(true);
    expect(await retention.sweep()).toBe(count - 1 - UPLOADS_PER_SWEEP);
    expect(exists(`u${count - 1}`)).toBe(false);
  });

  it('runs one sweep at a time: a sweep asked for while one runs shares it', async () => {
    await upload('abandoned', EXPIRY_MS + 1);
    const [first, second] = await Promise.all([retention.sweep(), retention.sweep()]);
    expect([first, second]).toEqual([1, 1]);
    expect(exists('abandoned')).toBe(false);
  });
});
