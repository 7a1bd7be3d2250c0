import { PackagedAssetSchema, type LocalizedText, type PackagedAsset } from '@ketang/catalog';
import { MEDIA_URL_PREFIX } from '../config/defaults.ts';
import { labelForLanguage } from '../config/languages.ts';
import { MANIFEST_MPD, MASTER_M3U8, POSTER_JPG, sideloadCaption, THUMBNAILS_VTT } from '../package/layout.ts';
import type { JobPlan } from '../plan/job-plan.ts';
import type { ValidatedOutput } from '../validate/validate-output.ts';

/** Pure: the PackagedAsset the content API stores, with URLs relative to its origin (/media/<assetId>/…). */
export function buildPackagedAsset(
  plan: JobPlan,
  output: ValidatedOutput,
  title: LocalizedText | undefined,
  createdAt: string,
): PackagedAsset {
  const url = (file: string) => `${MEDIA_URL_PREFIX}/${encodeURIComponent(plan.assetId)}/${file}`;
  const audio = output.mpd.representations.find((r) => r.contentType === 'audio');
  const asset: PackagedAsset = {
    id: plan.assetId,
    ...(title ? { title } : {}),
    durationSeconds: output.mpd.durationSeconds,
    dashUrl: url(MANIFEST_MPD),
    hlsUrl: url(MASTER_M3U8),
    renditions: output.report.renditions.map((r) => ({
      id: r.id,
      codecFamily: r.family,
      codecs: r.codecs,
      width: r.width,
      height: r.height,
      frameRate: Number(plan.fixes.frameRate.toFixed(3)),
      bandwidth: r.declaredBandwidth,
      averageBandwidth: Math.max(1, r.segments.measuredAverageBps),
    })),
    audio: audio
      ? [
          {
            id: 'audio',
            codecs: audio.codecs,
            language: plan.audio.language,
            channels: 2,
            bandwidth: audio.bandwidth,
          },
        ]
      : [],
    captions: plan.captions.map((c) => ({
      language: c.language,
      label: c.label ?? labelForLanguage(c.language),
      url: url(sideloadCaption(c.language)),
    })),
    thumbnailsUrl: url(THUMBNAILS_VTT),
    posterUrl: url(POSTER_JPG),
    hasTrickPlay: true,
    encryption: plan.encryption ? 'cenc' : 'none',
    createdAt,
  };
  return PackagedAssetSchema.parse(asset);
}
