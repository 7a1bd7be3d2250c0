import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { LocalizedText } from '@ketang/catalog';
import type { LessonScript, LessonScriptsFile } from './lesson-script.schema.ts';
import {
  FPS,
  GENERATOR_VERSION,
  SLIDE_TIMING,
  VIDEO_PROFILES,
  VOICES,
  type VideoProfile,
} from './render-profile.ts';
import { SLIDE_THEME, SUBJECT_ACCENTS } from './slide-theme.ts';

/** Everything needed to render one lesson, resolved from its script, plus the hash of all of it. */
export interface LessonPlan {
  script: LessonScript;
  subjectName: LocalizedText;
  gradeName: LocalizedText;
  profile: VideoProfile;
  accentColour: string;
  fontFile: string;
  /** sha256 of every input that shapes the output: a lesson is rebuilt exactly when this changes. */
  scriptHash: string;
}

export function planLesson(file: LessonScriptsFile, script: LessonScript, fontFile: string): LessonPlan {
  const subjectName = file.subjects[script.subject];
  const gradeName = file.grades[String(script.grade) as keyof LessonScriptsFile['grades']];
  const profile = VIDEO_PROFILES[script.resolution];
  const accentColour = SUBJECT_ACCENTS[script.subject];
  const hashInput = JSON.stringify({
    generator: GENERATOR_VERSION,
    script,
    subjectName,
    gradeName,
    profile,
    fps: FPS,
    voices: VOICES,
    timing: SLIDE_TIMING,
    theme: SLIDE_THEME,
    accentColour,
    font: basename(fontFile),
  });
  const scriptHash = createHash('sha256').update(hashInput).digest('hex');
  return { script, subjectName, gradeName, profile, accentColour, fontFile, scriptHash };
}
