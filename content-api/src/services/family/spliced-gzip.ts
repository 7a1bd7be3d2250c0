import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * JSON text compressed once and kept, to be spliced into answers gzipped per request: a raw deflate stream
 * ended with a sync flush (byte-aligned, not final), compressed on its own so that it refers to nothing before
 * it. Deflate streams made so can follow one another; the gzip trailer's CRC and length cover the whole text.
 */
export type DeflatedText = { readonly text: string; readonly bytes: Buffer; readonly deflated: Buffer };

/** A kept piece is compressed once, so at the default level; the pieces made per request at level 1 (fast). */
const KEPT_LEVEL = 6;
const PER_REQUEST_LEVEL = 1;

/** gzip member header: deflate, no name or time, OS unknown (RFC 1952). */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
/** The last block of the stream: an empty final block with fixed codes. */
const FINAL_BLOCK = deflateRawSync(Buffer.alloc(0), { level: PER_REQUEST_LEVEL });

function deflatePiece(bytes: Buffer, level: number): Buffer {
  return deflateRawSync(bytes, { level, finishFlush: constants.Z_SYNC_FLUSH });
}

export function deflatedText(text: string): DeflatedText {
  const bytes = Buffer.from(text);
  return { text, bytes, deflated: deflatePiece(bytes, KEPT_LEVEL) };
}

/** Text of the answer in order: made per request (strings) or kept (deflated once). */
export type AnswerPieces = readonly (string | DeflatedText)[];

export function plainText(pieces: AnswerPieces): string {
  return pieces.map((piece) => (typeof piece === 'string' ? piece : piece.text)).join('');
}

/**
 * The pieces as one gzip member, what `gzip(plainText(pieces))` would decode to: each run of per-request text
 * deflated at level 1, the kept pieces as they are. Only the per-request text costs compression.
 */
export function splicedGzip(pieces: AnswerPieces): Buffer {
  const chunks: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let length = 0;
  let pending = '';
  const add = (bytes: Buffer, deflated: Buffer) => {
    crc = crc32(bytes, crc);
    length += bytes.length;
    chunks.push(deflated);
  };
  const flushPending = () => {
    if (pending === '') return;
    const bytes = Buffer.from(pending);
    add(bytes, deflatePiece(bytes, PER_REQUEST_LEVEL));
    pending = '';
  };
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      pending += piece;
    } else {
      flushPending();
      add(piece.bytes, piece.deflated);
    }
  }
  flushPending();
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length >>> 0, 4);
  chunks.push(FINAL_BLOCK, trailer);
  return Buffer.concat(chunks);
}
