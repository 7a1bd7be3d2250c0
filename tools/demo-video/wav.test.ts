import { describe, expect, it } from 'vitest';
import { DemoVideoError } from './errors.ts';
import { durationOf, encodeWav, mixClipsOntoSilence, parseWav } from './wav.ts';

describe('WAV encode and parse', () => {
  it('round-trips 16-bit mono PCM', () => {
    const audio = { sampleRate: 22_050, samples: Int16Array.from([0, 1000, -1000, 32767, -32768]) };
    const parsed = parseWav(encodeWav(audio));
    expect(parsed.sampleRate).toBe(22_050);
    expect([...parsed.samples]).toEqual([0, 1000, -1000, 32767, -32768]);
  });

  it('tolerates a data size field larger than the file (as streamed WAVs have)', () => {
    const bytes = encodeWav({ sampleRate: 8000, samples: Int16Array.from([1, 2, 3]) });
    bytes.writeUInt32LE(0x7fffffff, 40);
    expect([...parseWav(bytes).samples]).toEqual([1, 2, 3]);
  });

  it('rejects files that are not 16-bit mono PCM WAV with a clear error', () => {
    expect(() => parseWav(Buffer.from('not a wav file at all'))).toThrow(DemoVideoError);
    const stereo = encodeWav({ sampleRate: 8000, samples: Int16Array.from([1, 2]) });
    stereo.writeUInt16LE(2, 22);
    expect(() => parseWav(stereo)).toThrow(/16-bit PCM mono/);
  });
});

describe('mixClipsOntoSilence', () => {
  it('places clips at their start times on a silent track of the given length', () => {
    const clip = { sampleRate: 10, samples: Int16Array.from([5, 6]) };
    const track = mixClipsOntoSilence(
      [
        { audio: clip, startSeconds: 0.2 },
        { audio: clip, startSeconds: 0.9 },
      ],
      1,
      10,
    );
    expect([...track.samples]).toEqual([0, 0, 5, 6, 0, 0, 0, 0, 0, 5]);
    expect(durationOf(track)).toBe(1);
  });

  it('refuses clips at another sample rate', () => {
    const clip = { sampleRate: 8000, samples: Int16Array.from([1]) };
    expect(() => mixClipsOntoSilence([{ audio: clip, startSeconds: 0 }], 1, 16_000)).toThrow(/8000 Hz/);
  });
});
