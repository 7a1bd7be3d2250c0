import { crc32, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32Append, crc32Shift, deflatedText, plainText, splicedGzip } from './spliced-gzip.ts';

const rail = (index: number) =>
  JSON.stringify({
    id: `rail-${index}`,
    items: Array.from({ length: 40 }, (_, n) => ({ id: `l${n}`, t: '课' })),
  });

describe('gzip spliced from kept and per-request pieces', () => {
  it('decodes to the text of the pieces, whatever their order and size', () => {
    const kept = deflatedText([rail(1), rail(2)].join(','));
    const pieces = ['{"today":[],"rails":[', kept, ',', rail(3), ',', deflatedText(rail(4)), '],"é":"中"}'];
    const zipped = splicedGzip(pieces);
    expect(gunzipSync(zipped).toString()).toBe(plainText(pieces));
    expect(JSON.parse(plainText(pieces)).rails).toHaveLength(4);
    // The kept pieces compress like the whole would: far smaller than the text.
    expect(zipped.length).toBeLessThan(Buffer.byteLength(plainText(pieces)) / 5);
    expect(gunzipSync(splicedGzip([])).toString()).toBe('');
    expect(gunzipSync(splicedGzip([deflatedText('')])).toString()).toBe('');
  });

  it('appends CRCs as zlib would compute the CRC of the concatenation', () => {
    for (const [a, b] of [
      ['', 'x'],
      ['abc', ''],
      ['{"a":1}', rail(9)],
      [rail(1).repeat(50), 'é中'],
    ] as const) {
      const [left, right] = [Buffer.from(a), Buffer.from(b)];
      const joined = crc32Append(crc32(left), crc32(right), crc32Shift(right.length));
      expect(joined).toBe(crc32(Buffer.concat([left, right])));
    }
  });
});
