// WebVTT thumbnails track: cues whose text is `sprite.jpg#xywh=x,y,w,h`, for scrub previews.
export type ThumbnailCue = {
  start: number;
  end: number;
  url: string;
  x: number;
  y: number;
  width: number;
  height: number;
};

function parseTimestamp(text: string): number {
  const parts = text.trim().split(':').map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
}

export function parseThumbnailsVtt(vtt: string, baseUrl: string): ThumbnailCue[] {
  const cues: ThumbnailCue[] = [];
  const blocks = vtt.replace(/\r/g, '').split(/\n\n+/);
  for (const block of blocks) {
    const lines = block.split('\n').filter(Boolean);
    const timing = lines.findIndex((line) => line.includes('-->'));
    const target = lines[timing + 1];
    if (timing < 0 || !target) continue;
    const [from, to] = lines[timing]!.split('-->');
    const match = /^(.*)#xywh=(\d+),(\d+),(\d+),(\d+)$/.exec(target.trim());
    if (!match) continue;
    cues.push({
      start: parseTimestamp(from!),
      end: parseTimestamp(to!.trim().split(/\s+/)[0]!),
      url: new URL(match[1]!, baseUrl).toString(),
      x: Number(match[2]),
      y: Number(match[3]),
      width: Number(match[4]),
      height: Number(match[5]),
    });
  }
  return cues;
}

export function thumbnailAt(cues: ThumbnailCue[], seconds: number): ThumbnailCue | undefined {
  return cues.find((cue) => cue.start <= seconds && seconds < cue.end) ?? cues[cues.length - 1];
}
