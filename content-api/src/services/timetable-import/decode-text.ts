const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * A CSV's text: UTF-8 (with or without the BOM Excel writes), else GB18030, which Chinese Excel saves "CSV"
 * as. Chinese text in GB18030 is almost never valid UTF-8, so a strict UTF-8 decode that fails is the test.
 */
export function decodeCsvText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  const hasBom = UTF8_BOM.every((byte, index) => bytes[index] === byte);
  const body = hasBom ? bytes.subarray(UTF8_BOM.length) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(body), encoding: 'gb18030' };
  }
}
