/**
 * Real catalogue files come as UTF-8 (with or without a BOM) or as UTF-16 LE/BE with a BOM (saved by
 * PowerShell), and list files sometimes wrapped as `{"value":[…],"Count":n}`.
 */

export type DecodedJson = { ok: true; value: unknown; notes: string[] } | { ok: false; reason: string };

export function decodeText(bytes: Uint8Array): string {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (b0 === 0xff && b1 === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (b0 === 0xfe && b1 === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  // UTF-16 without a BOM still starts with an ASCII `{`/`[` next to a zero byte.
  if (bytes.length >= 2 && b0 !== 0 && b1 === 0) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes.length >= 2 && b0 === 0 && b1 !== 0) return new TextDecoder('utf-16be').decode(bytes);
  return utf8(bytes);
}

/** Buffer's decoder is several times faster than TextDecoder for UTF-8. */
function utf8(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

export function decodeJson(bytes: Uint8Array): DecodedJson {
  let value: unknown;
  try {
    value = JSON.parse(decodeText(bytes));
  } catch (error) {
    return { ok: false, reason: `not valid JSON: ${(error as Error).message}` };
  }
  const notes: string[] = [];
  return { ok: true, value: unwrapArray(value, notes), notes };
}

/** `{"value":[…],"Count":n}` (PowerShell's ConvertTo-Json of an array) becomes the array itself. */
export function unwrapArray(value: unknown, notes: string[] = []): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  if (!Array.isArray(record.value)) return value;
  const keys = Object.keys(record);
  if (!keys.every((key) => key === 'value' || key === 'Count' || key === 'count')) return value;
  const count = record.Count ?? record.count;
  if (typeof count === 'number' && count !== record.value.length) {
    notes.push(`wrapped array says Count ${count} but holds ${record.value.length} items`);
  }
  return record.value;
}
