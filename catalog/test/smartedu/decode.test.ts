import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeJson, decodeText, parseIsoDuration, toSmarteduId, unwrapArray } from '../../src/index.ts';
import { SAMPLES_DIR } from '../helpers/sample-mirror.ts';

const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1] as number, le[i] as number];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
};

describe('decoding catalogue files', () => {
  const text = '[{"title":"大青树下的小学"}]';

  it('reads UTF-8 with and without a BOM, UTF-16 LE and BE with a BOM', () => {
    const inputs = [
      Buffer.from(text),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      utf16be(text),
    ];
    for (const bytes of inputs) expect(decodeText(bytes)).toBe(text);
  });

  it('unwraps the real PowerShell lesson part (UTF-16LE, {"value":[…],"Count":4})', async () => {
    const bytes = await readFile(join(SAMPLES_DIR, 'lesson_part_utf16_powershell.json'));
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xfe]);
    const decoded = decodeJson(bytes);
    expect(decoded.ok && Array.isArray(decoded.value) && decoded.value.map((lesson) => lesson.title)).toEqual(
      ['平正安稳', '向而不犯', '穿插互访', '密而不挤'],
    );
  });

  it('notes a wrapped array whose Count disagrees, and leaves other objects alone', () => {
    const notes: string[] = [];
    expect(unwrapArray({ value: [1, 2], Count: 3 }, notes)).toEqual([1, 2]);
    expect(notes).toEqual(['wrapped array says Count 3 but holds 2 items']);
    expect(unwrapArray({ value: [1], other: true })).toEqual({ value: [1], other: true });
  });

  it('reports broken JSON with a reason instead of throwing', () => {
    const decoded = decodeJson(Buffer.from('{"id": '));
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.reason).toMatch(/^not valid JSON/);
  });
});

describe('scalar values', () => {
  it('parses ISO-8601 durations to seconds', () => {
    expect(parseIsoDuration('PT14M55S')).toBe(895);
    expect(parseIsoDuration('PT57S')).toBe(57);
    expect(parseIsoDuration('PT1H2M3.5S')).toBe(3723.5);
    expect(parseIsoDuration('P1DT1S')).toBe(86_401);
    expect(parseIsoDuration('14:55')).toBeUndefined();
    expect(parseIsoDuration('PT')).toBeUndefined();
  });

  it('prefixes upstream ids and keeps them valid and stable', () => {
    expect(toSmarteduId('57d37f35-8b72-4c7d-b76d-948422b61b28')).toBe(
      'sm-57d37f35-8b72-4c7d-b76d-948422b61b28',
    );
    expect(toSmarteduId('e7bbb2de', 'e7bbd372')).toBe('sm-e7bbb2de.e7bbd372');
    expect(toSmarteduId('id with/slash')).toBe('sm-id_with_slash');
    const long = toSmarteduId('x'.repeat(200));
    expect(long).toMatch(/^sm-h-[0-9a-f]{40}$/);
    expect(toSmarteduId('x'.repeat(200))).toBe(long);
  });
});
