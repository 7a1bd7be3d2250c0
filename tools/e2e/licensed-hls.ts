// A licensee's side of a licensed external HLS source, made on this machine for the e2e test: a short H.264
// stream encrypted with AES-128 by ffmpeg (`-hls_key_info_file`), served with CORS like a CDN, and a key
// service that answers only with the licensee's token (401 otherwise) and remembers who asked.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export const LICENSEE_TOKEN = 'licensee-e2e-token-5d1c';
const KEY = Buffer.from('3c5e7f90a1b2c3d4e5f60718293a4b5c', 'hex');
const TYPES: Record<string, string> = { '.m3u8': 'application/vnd.apple.mpegurl', '.ts': 'video/mp2t' };

export type KeyRequest = { authorization: string | undefined; origin: string | undefined };

export type Licensee = {
  /** The master playlist an operator attaches. */
  playlistUrl: string;
  keyServiceUrl: string;
  keyUrl: string;
  keyRequests: KeyRequest[];
  stop(): Promise<void>;
};

/** 8 s of 320×180 test picture and tone, 2 s segments, every one AES-128 encrypted with the key served here. */
async function makeStream(dir: string, keyUrl: string): Promise<void> {
  writeFileSync(path.join(dir, 'stream.key'), KEY);
  writeFileSync(path.join(dir, 'key-info.txt'), `${keyUrl}\n${path.join(dir, 'stream.key')}\n`);
  await promisify(execFile)(process.env.FFMPEG ?? 'ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y'],
    ...['-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=25'],
    ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000'],
    ...['-t', '8', '-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'main', '-pix_fmt', 'yuv420p'],
    ...['-g', '50', '-keyint_min', '50', '-sc_threshold', '0', '-c:a', 'aac', '-b:a', '64k'],
    ...['-f', 'hls', '-hls_time', '2', '-hls_playlist_type', 'vod'],
    ...['-hls_key_info_file', path.join(dir, 'key-info.txt')],
    ...['-hls_segment_filename', path.join(dir, 'segment-%03d.ts'), path.join(dir, 'index.m3u8')],
  ]);
  writeFileSync(
    path.join(dir, 'master.m3u8'),
    '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=400000,RESOLUTION=320x180,CODECS="avc1.4d400d,mp4a.40.2"\nindex.m3u8\n',
  );
}

export async function startLicensee(): Promise<Licensee> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ketang-licensee-'));
  const keyRequests: KeyRequest[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://licensee');
    if (url.pathname.startsWith('/keys/')) {
      keyRequests.push({ authorization: req.headers.authorization, origin: req.headers.origin });
      if (req.headers.authorization !== `Bearer ${LICENSEE_TOKEN}`) return void res.writeHead(401).end();
      return void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(KEY);
    }
    const name = path.basename(url.pathname);
    let body: Buffer;
    try {
      body = readFileSync(path.join(dir, name));
    } catch {
      return void res.writeHead(404, { 'access-control-allow-origin': '*' }).end();
    }
    res
      .writeHead(200, {
        'content-type': TYPES[path.extname(name)] ?? 'application/octet-stream',
        'access-control-allow-origin': '*',
      })
      .end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const keyUrl = `${base}/keys/lesson-1.key`;
  try {
    await makeStream(dir, keyUrl);
  } catch (error) {
    server.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    playlistUrl: `${base}/hls/master.m3u8`,
    keyServiceUrl: `${base}/keys/`,
    keyUrl,
    keyRequests,
    stop: async () => {
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
