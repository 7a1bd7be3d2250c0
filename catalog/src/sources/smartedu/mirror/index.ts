export {
  DEMO_MIRROR_OPTIONS,
  generateDemoSmarteduMirror,
  generateSmarteduMirror,
} from './generate-mirror.ts';
export { smarteduMirrorFingerprint } from './mirror-fingerprint.ts';
export type { SmarteduMirrorOptions, SmarteduMirrorSummary } from './generate-mirror.ts';
export type { LeadingTextbook } from './plan-textbooks.ts';
