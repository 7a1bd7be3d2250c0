// The benchmark's markdown table: each goal with the app's figure, the reference's, and whether it is met.
import os from 'node:os';
import type { FirstFrameFigures } from './first-frame.ts';
import { mean, median, percentile, type PageFigures } from './measure.ts';

type Row = [metric: string, goal: string, app: string, reference: string, met: boolean | undefined];

const ms = (n: number) => `${Math.round(n)} ms`;
const ms1 = (n: number) => `${n.toFixed(2)} ms`;
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
const scene = (s: PageFigures['scene']) =>
  `${s.nodes} (${s.textNodes} text; ${s.drawnMegapixels.toFixed(2)} MP)`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function buildRows(app: PageFigures, reference: PageFigures, firstFrame: FirstFrameFigures): Row[] {
  return [
    [
      'cold start → focused home (median)',
      '≤ 1.5 s',
      ms(median(app.coldStartMs)),
      ms(median(reference.coldStartMs)),
      median(app.coldStartMs) <= 1500,
    ],
    [
      '… at 6× CPU throttling (median)',
      '≤ 2.5 s',
      ms(median(app.coldStartThrottledMs)),
      ms(median(reference.coldStartThrottledMs)),
      median(app.coldStartThrottledMs) <= 2500,
    ],
    [
      'renderer JS per frame, mean',
      '≤ 2 ms',
      ms1(mean(app.frameMs)),
      ms1(mean(reference.frameMs)),
      mean(app.frameMs) <= 2,
    ],
    [
      'renderer JS per frame, p95',
      '≤ 5 ms',
      ms1(percentile(app.frameMs, 95)),
      ms1(percentile(reference.frameMs, 95)),
      percentile(app.frameMs, 95) <= 5,
    ],
    [
      'frames drawn per second while moving',
      '≥ reference',
      app.fps.toFixed(1),
      reference.fps.toFixed(1),
      app.fps >= reference.fps * 0.95,
    ],
    [
      'browser CPU per frame drawn while moving (all processes)',
      '—',
      ms1(app.browserCpuMsPerFrame),
      ms1(reference.browserCpuMsPerFrame),
      undefined,
    ],
    [
      'key → focus change drawn, mean',
      '≤ 100 ms',
      ms(mean(app.keyToFocusMs)),
      ms(mean(reference.keyToFocusMs)),
      mean(app.keyToFocusMs) <= 100,
    ],
    [
      'initial JavaScript (gzip)',
      '≤ 120 KB',
      kb(app.initialJsGzipBytes),
      kb(reference.initialJsGzipBytes),
      app.initialJsGzipBytes <= 120 * 1024,
    ],
    [
      'JS heap after home (after GC)',
      '≤ 8 MB',
      mb(app.heapBytes),
      mb(reference.heapBytes),
      app.heapBytes <= 8e6,
    ],
    [
      'texture memory after home',
      '≤ 100 MB',
      mb(app.textureBytes),
      mb(reference.textureBytes),
      app.textureBytes <= 100e6,
    ],
    [
      'nodes drawn after home (of them text; megapixels their quads cover)',
      '—',
      scene(app.scene),
      scene(reference.scene),
      undefined,
    ],
    [
      `OK → first video frame (${firstFrame.codecFamily ?? '?'} ${firstFrame.height ?? '?'}p, median)`,
      '≤ 1 s',
      ms(median(firstFrame.ms)),
      '—',
      median(firstFrame.ms) <= 1000,
    ],
  ];
}

/** `baseline`: the same rows for another build of the app (`--baseline-dist`), shown in a column of its own. */
export function renderReport(rows: Row[], chromium: string, notes: string[], baseline?: Row[]): string {
  const cpu = os.cpus();
  const load = os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');
  const lines = [
    `TV app benchmark — ${new Date().toISOString()}`,
    `Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}; load average (1/5/15 min) ${load}`,
    `Browser: Debian Chromium ${chromium}, headless, SwiftShader WebGL, 1920×1080`,
    '',
    `| metric | goal | app | ${baseline ? 'baseline build | ' : ''}reference | met |`,
    `| --- | --- | --- | ${baseline ? '--- | ' : ''}--- | --- |`,
    ...rows.map(
      ([metric, goal, app, reference, met], i) =>
        `| ${metric} | ${goal} | ${app} | ${baseline ? `${baseline[i]?.[2] ?? '—'} | ` : ''}${reference} | ${met === undefined ? '—' : met ? 'yes' : '**no**'} |`,
    ),
    '',
    ...notes.map((note) => `- ${note}`),
  ];
  return lines.join('\n');
}
