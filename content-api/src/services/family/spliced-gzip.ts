import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * JSON text compressed once and kept, to be spliced into answers gzipped per request: a raw deflate stream
 * ended with a sync flush (byte-aligned, not final), compressed on its own so that it refers to nothing before
 * it. Deflate streams made so can follow one another; the gzip trailer's CRC and length cover the whole text.
 */
export type DeflatedText = {
  readonly text: string;
  readonly bytes: Buffer;
  readonly deflated: Buffer;
  /** CRC-32 of `bytes`, and the operator that appends it to a CRC (`crc32Shift`): the kept bytes are not read
   * again per request. */
  readonly crc: number;
  readonly crcShift: number;
};

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
  const kept = { text, bytes, deflated: deflatePiece(bytes, KEPT_LEVEL) };
  return { ...kept, crc: crc32(bytes), crcShift: crc32Shift(bytes.length) };
}

// CRC-32 of a concatenation from the CRCs of its parts (zlib's crc32_combine_gen and crc32_combine_op, which
// node does not expose): polynomials over GF(2), reflected, modulo the CRC-32 polynomial.
const CRC_POLY = 0xedb88320;

/** a(x)·b(x) modulo the CRC polynomial. */
function multModP(a: number, b: number): number {
  let m = 0x80000000;
  let product = 0;
  for (;;) {
    if (a & m) {
      product ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ CRC_POLY : b >>> 1;
  }
  return product >>> 0;
}

/** x^(2^k) modulo the polynomial, k = 0…31. */
const X2N: number[] = [0x40000000];
for (let k = 1; k < 32; k += 1) X2N.push(multModP(X2N[k - 1]!, X2N[k - 1]!));

/** The operator that shifts a CRC past `length` bytes: x^(8·length) modulo the polynomial. */
export function crc32Shift(length: number): number {
  let p = 0x80000000;
  let k = 3;
  for (let n = length; n > 0; n = Math.floor(n / 2), k += 1) {
    if (n % 2 === 1) p = multModP(X2N[k % 32]!, p);
  }
  return p;
}

/** The CRC of A followed by B from A's CRC, B's CRC and B's `crc32Shift`. */
export function crc32Append(crcA: number, crcB: number, shiftB: number): number {
  return (multModP(shiftB, crcA) ^ crcB) >>> 0;
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
  const flushPending = () => {
    if (pending === '') return;
    const bytes = Buffer.from(pending);
    crc = crc32(bytes, crc);
    length += bytes.length;
    chunks.push(deflatePiece(bytes, PER_REQUEST_LEVEL));
    pending = '';
  };
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      pending += piece;
    } else {
      flushPending();
      crc = crc32Append(crc, piece.crc, piece.crcShift);
      length += piece.bytes.length;
      chunks.push(piece.deflated);
    }
  }
  flushPending();
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length >>> 0, 4);
  chunks.push(FINAL_BLOCK, trailer);
  return Buffer.concat(chunks);
}
