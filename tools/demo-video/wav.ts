import { DemoVideoError } from './errors.ts';

/** 16-bit PCM mono audio, the format espeak-ng writes. */
export interface PcmAudio {
  sampleRate: number;
  samples: Int16Array;
}

const RIFF_HEADER_BYTES = 12;
const CHUNK_HEADER_BYTES = 8;

/** Reads a 16-bit PCM mono WAV file; tolerates a data chunk whose size field overstates the file. */
export function parseWav(bytes: Buffer): PcmAudio {
  if (bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE') {
    throw new DemoVideoError('WAV_INVALID', 'not a RIFF/WAVE file');
  }
  let offset = RIFF_HEADER_BYTES;
  let sampleRate = 0;
  while (offset + CHUNK_HEADER_BYTES <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    const body = offset + CHUNK_HEADER_BYTES;
    if (id === 'fmt ') {
      const [format, channels, bits] = [
        bytes.readUInt16LE(body),
        bytes.readUInt16LE(body + 2),
        bytes.readUInt16LE(body + 14),
      ];
      if (format !== 1 || channels !== 1 || bits !== 16) {
        throw new DemoVideoError(
          'WAV_INVALID',
          `expected 16-bit PCM mono, got format ${format}, ${channels} ch, ${bits} bit`,
        );
      }
      sampleRate = bytes.readUInt32LE(body + 4);
    } else if (id === 'data') {
      if (!sampleRate) throw new DemoVideoError('WAV_INVALID', 'data chunk before fmt chunk');
      const end = Math.min(bytes.length, body + size);
      const pcm = bytes.subarray(body, end - ((end - body) % 2));
      return {
        sampleRate,
        samples: new Int16Array(pcm.buffer.slice(pcm.byteOffset, pcm.byteOffset + pcm.length)),
      };
    }
    offset = body + size + (size % 2);
  }
  throw new DemoVideoError('WAV_INVALID', 'no data chunk');
}

export function durationOf(audio: PcmAudio): number {
  return audio.samples.length / audio.sampleRate;
}

/** Encodes 16-bit PCM mono samples as a WAV file. */
export function encodeWav(audio: PcmAudio): Buffer {
  const dataBytes = audio.samples.length * 2;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(audio.sampleRate, 24);
  header.writeUInt32LE(audio.sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  return Buffer.concat([header, Buffer.from(audio.samples.buffer, audio.samples.byteOffset, dataBytes)]);
}

/** Places clips at given start times on a silent track of `durationSeconds` (clips past the end are cut). */
export function mixClipsOntoSilence(
  clips: ReadonlyArray<{ audio: PcmAudio; startSeconds: number }>,
  durationSeconds: number,
  sampleRate: number,
): PcmAudio {
  const samples = new Int16Array(Math.round(durationSeconds * sampleRate));
  for (const { audio, startSeconds } of clips) {
    if (audio.sampleRate !== sampleRate) {
      throw new DemoVideoError('WAV_INVALID', `clip at ${audio.sampleRate} Hz on a ${sampleRate} Hz track`);
    }
    const start = Math.round(startSeconds * sampleRate);
    samples.set(audio.samples.subarray(0, Math.max(0, samples.length - start)), start);
  }
  return { sampleRate, samples };
}
