import type { CodecFamily } from '@ketang/catalog';
import type { Note } from '../plan/source-fixes.ts';
import type { SegmentStats } from './segments.ts';

export interface RenditionReport {
  id: string;
  family: CodecFamily;
  codecs: string;
  width: number;
  height: number;
  maxrateKbps: number;
  declaredBandwidth: number;
  segments: SegmentStats;
  /** Grid instants (s) without a keyframe; empty when aligned. */
  missingKeyframes: number[];
  psnr?: number;
  ssim?: number;
}

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface QualityReport {
  assetId: string;
  createdAt: string;
  families: CodecFamily[];
  source: { file: string; width: number; height: number; frameRate: number; durationSeconds: number };
  fixes: Note[];
  renditions: RenditionReport[];
  audio: { declaredBandwidth: number; segments: SegmentStats };
  checks: Check[];
  ok: boolean;
}
