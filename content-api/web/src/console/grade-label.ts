// How the console names a grade: with its stage (小学 · 一年级), since a grade's own name repeats across stages
// and school systems.
import { pickText, t } from '../shared/i18n/i18n.ts';
import type { GradeOption } from './api/catalogue-reads.ts';

export function gradeLabel(grade: GradeOption): string {
  return grade.stage
    ? t('console.channels.gradeOfStage', { stage: pickText(grade.stage), grade: pickText(grade.name) })
    : pickText(grade.name);
}
