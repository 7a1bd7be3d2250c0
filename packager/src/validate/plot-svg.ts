import type { QualityReport } from './quality-report.ts';

const WIDTH = 720;
const HEIGHT = 420;
const MARGIN = { left: 70, right: 150, top: 40, bottom: 50 };
const COLOURS: Record<string, string> = { h264: '#1f77b4', hevc: '#d62728', av1: '#2ca02c' };

/** Pure: an SVG chart of SSIM against measured average bitrate, one line per codec family. */
export function buildQualityPlotSvg(report: QualityReport): string {
  const points = report.renditions.filter((r) => r.ssim !== undefined);
  const maxKbps = Math.max(1, ...points.map((r) => r.segments.measuredAverageBps / 1000));
  const minSsim = Math.min(0.9, ...points.map((r) => r.ssim ?? 1));
  const x = (kbps: number) => MARGIN.left + (kbps / maxKbps) * (WIDTH - MARGIN.left - MARGIN.right);
  const y = (ssim: number) =>
    MARGIN.top + ((1 - ssim) / (1 - minSsim)) * (HEIGHT - MARGIN.top - MARGIN.bottom);
  const series = report.families.map((family, index) => {
    const rungs = points.filter((r) => r.family === family);
    const coords = rungs.map((r) => [x(r.segments.measuredAverageBps / 1000), y(r.ssim ?? 0)] as const);
    const colour = COLOURS[family] ?? '#555';
    const dots = rungs
      .map((r, i) => {
        const [cx, cy] = coords[i] ?? [0, 0];
        return `<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="4" fill="${colour}"><title>${r.id}: ${Math.round(r.segments.measuredAverageBps / 1000)} kbps, SSIM ${r.ssim}, PSNR ${r.psnr} dB</title></circle>`;
      })
      .join('');
    const line = coords.map(([cx, cy]) => `${cx.toFixed(1)},${cy.toFixed(1)}`).join(' ');
    const legendY = MARGIN.top + index * 22;
    return `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${line}"/>${dots}<text x="${WIDTH - MARGIN.right + 20}" y="${legendY}" fill="${colour}">${family}</text>`;
  });
  const axes = [
    `<line x1="${MARGIN.left}" y1="${HEIGHT - MARGIN.bottom}" x2="${WIDTH - MARGIN.right}" y2="${HEIGHT - MARGIN.bottom}" stroke="#333"/>`,
    `<line x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${HEIGHT - MARGIN.bottom}" stroke="#333"/>`,
    `<text x="${(WIDTH - MARGIN.right) / 2}" y="${HEIGHT - 12}">average bitrate (kbps), max ${Math.round(maxKbps)}</text>`,
    `<text x="10" y="${MARGIN.top - 12}">SSIM (${minSsim.toFixed(3)}–1)</text>`,
    `<text x="${MARGIN.left}" y="20" font-weight="bold">${escapeXml(report.assetId)}: quality per rung</text>`,
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="sans-serif" font-size="13"><rect width="100%" height="100%" fill="white"/>${axes.join('')}${series.join('')}</svg>\n`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c);
}
