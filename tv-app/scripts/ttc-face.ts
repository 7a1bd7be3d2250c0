// Extracts one face of an OpenType collection (.ttc) as a standalone font, because hb-subset
// (through subset-font) always opens face 0 and Noto CJK's Simplified Chinese face is not the first.

const SFNT_HEADER_BYTES = 12;
const TABLE_RECORD_BYTES = 16;

function align4(n: number): number {
  return (n + 3) & ~3;
}

export function extractCollectionFace(collection: Buffer, faceIndex: number): Buffer {
  if (collection.toString('latin1', 0, 4) !== 'ttcf')
    throw new Error('not an OpenType collection (no ttcf tag)');
  const faceCount = collection.readUInt32BE(8);
  if (faceIndex < 0 || faceIndex >= faceCount) {
    throw new Error(`face index ${faceIndex} is out of range: the collection has ${faceCount} faces`);
  }
  const faceOffset = collection.readUInt32BE(12 + faceIndex * 4);
  const tableCount = collection.readUInt16BE(faceOffset + 4);
  const directoryBytes = SFNT_HEADER_BYTES + tableCount * TABLE_RECORD_BYTES;
  const tables = Array.from({ length: tableCount }, (_, i) => {
    const record = faceOffset + SFNT_HEADER_BYTES + i * TABLE_RECORD_BYTES;
    return {
      record: collection.subarray(record, record + TABLE_RECORD_BYTES),
      offset: collection.readUInt32BE(record + 8),
      length: collection.readUInt32BE(record + 12),
    };
  });
  const total = tables.reduce((sum, t) => sum + align4(t.length), directoryBytes);
  const font = Buffer.alloc(total);
  collection.copy(font, 0, faceOffset, faceOffset + SFNT_HEADER_BYTES);
  let dataOffset = directoryBytes;
  tables.forEach((table, i) => {
    const record = SFNT_HEADER_BYTES + i * TABLE_RECORD_BYTES;
    table.record.copy(font, record);
    font.writeUInt32BE(dataOffset, record + 8);
    collection.copy(font, dataOffset, table.offset, table.offset + table.length);
    dataOffset += align4(table.length);
  });
  return font;
}

export type FontMetrics = { ascender: number; descender: number; lineGap: number; unitsPerEm: number };

function tableOffset(font: Buffer, tag: string): number {
  const tableCount = font.readUInt16BE(4);
  for (let i = 0; i < tableCount; i++) {
    const record = SFNT_HEADER_BYTES + i * TABLE_RECORD_BYTES;
    if (font.toString('latin1', record, record + 4) === tag) return font.readUInt32BE(record + 8);
  }
  throw new Error(`font has no ${tag} table`);
}

/** The vertical metrics the canvas text renderer needs (hhea ascender/descender/lineGap, head unitsPerEm). */
export function readFontMetrics(font: Buffer): FontMetrics {
  const hhea = tableOffset(font, 'hhea');
  return {
    ascender: font.readInt16BE(hhea + 4),
    descender: font.readInt16BE(hhea + 6),
    lineGap: font.readInt16BE(hhea + 8),
    unitsPerEm: font.readUInt16BE(tableOffset(font, 'head') + 18),
  };
}
