import type { CodecFamily } from '@ketang/catalog';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PackagerError } from '../errors.ts';
import { MANIFEST_MPD, QUALITY_REPORT_JSON, QUALITY_REPORT_SVG, videoDir } from '../package/layout.ts';
import type { JobPlan, PlannedRendition } from '../plan/job-plan.ts';
import type { RenditionAnalysis } from './analyse-family.ts';
import { checkTrickPlayReferences, runChecks } from './checks.ts';
import { buildQualityPlotSvg } from './plot-svg.ts';
import type { QualityReport, RenditionReport } from './quality-report.ts';
import { readMpd, type MpdRepresentation, type MpdSummary } from './read-mpd.ts';
import { measureSegments } from './segments.ts';

export interface ValidatedOutput {
  mpd: MpdSummary;
  report: QualityReport;
}

/**
 * Reads the staged manifests and segments, checks them against the plan and writes the quality report
 * (JSON + SVG plot) into the staging directory. Throws when a check fails, so nothing broken is published.
 */
export async function validateOutput(
  plan: JobPlan,
  families: readonly CodecFamily[],
  stagingDir: string,
  analysis: Record<string, RenditionAnalysis>,
): Promise<ValidatedOutput> {
  const mpd = readMpd(await readFile(path.join(stagingDir, MANIFEST_MPD), 'utf8'));
  const planned = plan.families.filter((f) => families.includes(f.family)).flatMap((f) => f.renditions);
  const renditions: RenditionReport[] = [];
  for (const rendition of planned) {
    const representation = findRepresentation(mpd, rendition);
    if (!representation) continue;
    renditions.push(
      await reportRendition(stagingDir, mpd, rendition, representation, analysis[rendition.id]),
    );
  }
  const audio = mpd.representations.find((r) => r.contentType === 'audio');
  const expectedSegments = Math.ceil(mpd.durationSeconds / plan.segmentSeconds - 1e-6);
  const encryptedIds = planned.filter((r) => findRepresentation(mpd, r)?.isEncrypted).map((r) => r.id);
  const checks = [
    ...runChecks(
      renditions,
      expectedSegments,
      planned.map((r) => r.id),
      !!plan.encryption,
      encryptedIds,
    ),
    checkTrickPlayReferences(mpd),
  ];
  const report: QualityReport = {
    assetId: plan.assetId,
    createdAt: new Date().toISOString(),
    families: [...families],
    source: { file: plan.source.file, ...pickSize(plan), durationSeconds: plan.durationSeconds },
    fixes: plan.fixes.notes,
    renditions,
    audio: {
      declaredBandwidth: audio?.bandwidth ?? 0,
      segments: audio ? await measureSegments(stagingDir, audio, mpd.durationSeconds) : emptyStats(),
    },
    checks,
    ok: checks.every((c) => c.ok),
  };
  await writeFile(path.join(stagingDir, QUALITY_REPORT_JSON), JSON.stringify(report, null, 2) + '\n');
  await writeFile(path.join(stagingDir, QUALITY_REPORT_SVG), buildQualityPlotSvg(report));
  if (!report.ok) {
    const problems = checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`);
    throw new PackagerError('validate.failed', { problems: problems.join('; ') }, { report });
  }
  return { mpd, report };
}

export function findRepresentation(
  mpd: MpdSummary,
  rendition: PlannedRendition,
): MpdRepresentation | undefined {
  const init = `${videoDir(rendition.id)}/init.mp4`;
  return mpd.representations.find(
    (r) => r.contentType === 'video' && !r.isTrickPlay && r.initialization === init,
  );
}

async function reportRendition(
  stagingDir: string,
  mpd: MpdSummary,
  rendition: PlannedRendition,
  representation: MpdRepresentation,
  analysis: RenditionAnalysis | undefined,
): Promise<RenditionReport> {
  return {
    id: rendition.id,
    family: rendition.family,
    codecs: representation.codecs,
    width: rendition.width,
    height: rendition.height,
    maxrateKbps: rendition.maxrateKbps,
    declaredBandwidth: representation.bandwidth,
    segments: await measureSegments(stagingDir, representation, mpd.durationSeconds),
    missingKeyframes: analysis?.missingKeyframes ?? [],
    ...(analysis ? { psnr: analysis.psnr, ssim: analysis.ssim } : {}),
  };
}

function pickSize(plan: JobPlan): { width: number; height: number; frameRate: number } {
  return { width: plan.fixes.width, height: plan.fixes.height, frameRate: plan.fixes.frameRate };
}

function emptyStats(): QualityReport['audio']['segments'] {
  return { count: 0, minBytes: 0, maxBytes: 0, totalBytes: 0, measuredPeakBps: 0, measuredAverageBps: 0 };
}
