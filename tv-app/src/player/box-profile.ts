// What this box tells the API about itself when it asks for a lesson: the codec families it decodes, probed
// once per start. The API decides from it what the box plays; the box then plays what it is given.
import { getConfig, type CodecFamily } from '../config.ts';
import { browserDecodeProbe, detectCodecFamilies } from './capabilities.ts';

let families: Promise<CodecFamily[]> | undefined;

export function boxCodecFamilies(): Promise<CodecFamily[]> {
  families ??= detectCodecFamilies(browserDecodeProbe(), getConfig().deviceProfile).catch(() => []);
  return families;
}

/** `?codecs=` for a lesson read; none when nothing was detected (the API then assumes H.264 only). */
export async function codecsQuery(): Promise<string | undefined> {
  const found = await boxCodecFamilies();
  return found.length > 0 ? found.join(',') : undefined;
}
