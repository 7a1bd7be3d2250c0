import type { ThumbnailPlan } from '../plan/job-plan.ts';

/** Pure: a WebVTT thumbnails track whose cues point at tiles of the sprite sheets (`sprite-001.jpg#xywh=…`). */
export function buildThumbnailsVtt(
  plan: ThumbnailPlan,
  durationSeconds: number,
  spriteName: (n: number) => string,
): string {
  const perSheet = plan.columns * plan.rows;
  const count = Math.ceil(durationSeconds / plan.intervalSeconds);
  const cues = Array.from({ length: count }, (_, i) => {
    const start = i * plan.intervalSeconds;
    const end = Math.min(durationSeconds, start + plan.intervalSeconds);
    const tile = i % perSheet;
    const x = (tile % plan.columns) * plan.width;
    const y = Math.floor(tile / plan.columns) * plan.height;
    const sprite = spriteName(Math.floor(i / perSheet) + 1);
    return `${formatTime(start)} --> ${formatTime(end)}\n${sprite}#xywh=${x},${y},${plan.width},${plan.height}`;
  });
  return ['WEBVTT', ...cues].join('\n\n') + '\n';
}

export function spriteFileName(sheet: number): string {
  return `sprite-${String(sheet).padStart(3, '0')}.jpg`;
}

function formatTime(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}
