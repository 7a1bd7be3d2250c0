import { GRADE_TITLES, SENIOR_TITLES, SINGING_TITLES } from './mirror-lesson-titles.ts';
import { EDITIONS_BY_SUBJECT, VOLUMES } from './mirror-vocabulary.ts';
import type { GradeDef, TagDef } from './mirror-vocabulary.ts';

/**
 * What a textbook of the synthetic mirror holds: the one place that decides which subject is taught at which
 * grade, in which volumes and editions, and with which lesson titles. A grade studies its own grade's
 * contents in either school system (小学/初中 or 五•四学制); senior high has volumes and no grade.
 */

/** Primary contents (grades 1–6), junior (7–9), senior (no grade). */
export type Band = 'primary' | 'junior' | 'senior';

export function bandOf(grade: GradeDef | undefined): Band {
  if (!grade) return 'senior';
  return grade.level <= 6 ? 'primary' : 'junior';
}

const split = (titles: string): string[] => titles.split('|');
const gradeKey = (grade: GradeDef, volume: TagDef) => `${grade.level}${volume.name.slice(0, 1)}`;

/** The volumes of a subject at a grade (or in senior high); none where the subject is not taught. */
export function volumesOf(subject: string, grade: GradeDef | undefined): TagDef[] {
  if (!grade) return (SENIOR_TITLES[subject] ?? []).map((entry) => entry.volume);
  return VOLUMES.filter((volume) => GRADE_TITLES[subject]?.[gradeKey(grade, volume)] !== undefined);
}

/** The editions that publish a subject at a grade's band. */
export function editionsOf(subject: string, grade: GradeDef | undefined): TagDef[] {
  return EDITIONS_BY_SUBJECT[subject]?.[bandOf(grade)] ?? [];
}

/** The lesson titles of one textbook, in textbook order. */
export function lessonTitlesOf(subject: string, grade: GradeDef | undefined, volume: TagDef): string[] {
  const titles = grade
    ? GRADE_TITLES[subject]?.[gradeKey(grade, volume)]
    : SENIOR_TITLES[subject]?.find((entry) => entry.volume.id === volume.id)?.titles;
  if (titles === undefined)
    throw new Error(`no lesson titles for ${subject} ${grade?.name ?? '高中'} ${volume.name}`);
  return split(titles);
}

/** The poems sung in 语文 (`singing` lessons) at a grade's band. */
export function singingTitlesOf(grade: GradeDef | undefined): string[] {
  return split(SINGING_TITLES[bandOf(grade)]);
}

export interface TitleTable {
  subject: string;
  band: Band;
  /** `3上`, or a senior volume's name. */
  key: string;
  titles: string[];
}

/** Every title table with the subject and band it belongs to (sung poems under 语文 as key `singing`). */
export function titleTables(): TitleTable[] {
  const tables: TitleTable[] = [];
  for (const [subject, byGrade] of Object.entries(GRADE_TITLES))
    for (const [key, titles] of Object.entries(byGrade))
      tables.push({
        subject,
        band: Number.parseInt(key, 10) <= 6 ? 'primary' : 'junior',
        key,
        titles: split(titles),
      });
  for (const [subject, volumes] of Object.entries(SENIOR_TITLES))
    for (const { volume, titles } of volumes)
      tables.push({ subject, band: 'senior', key: volume.name, titles: split(titles) });
  for (const [band, titles] of Object.entries(SINGING_TITLES))
    tables.push({ subject: '语文', band: band as Band, key: 'singing', titles: split(titles) });
  return tables;
}
