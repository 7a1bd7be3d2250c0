import type { PlannedTextbook } from './mirror-records.ts';
import { NEW_OLD, STAGES, SUBJECTS } from './mirror-vocabulary.ts';
import type { GradeDef, StageDef, TagDef } from './mirror-vocabulary.ts';
import type { SeededRandom } from './seeded-random.ts';
import { editionsOf, volumesOf } from './textbook-contents.ts';

type Combo = { stage: StageDef; grade?: GradeDef; subject: TagDef };

/**
 * Which diagonal of a stage's grade × subject square an entry is on: two subjects per grade, each step a grade
 * further, each stage starting two grades later, so a small mirror has low grades of the main subjects and still
 * varies grade and subject at every step (语文 and 数学 一年级, then 英语 and 道德与法治 二年级 …).
 */
function diagonalStep(grade: number, subject: number, stage: number, grades: number): number {
  return (((grade - Math.floor(subject / 2) - 2 * stage) % grades) + grades) % grades;
}

/**
 * Stage × grade × subject where the subject is taught at that grade, interleaved across stages so even a small
 * mirror covers every stage and grade.
 */
function combos(): Combo[] {
  const perStage = STAGES.map((stage, stageIndex) => {
    const grades = stage.grades.length > 0 ? stage.grades : [undefined];
    const taught = grades.flatMap((grade, g) =>
      stage.subjects.flatMap((name, s) => {
        const subject = SUBJECTS[name] as TagDef;
        if (volumesOf(name, grade).length === 0 || editionsOf(name, grade).length === 0) return [];
        return [{ stage, grade, subject, step: diagonalStep(g, s, stageIndex, grades.length), s }];
      }),
    );
    return taught.sort((a, b) => a.step - b.step || a.s - b.s);
  });
  const interleaved: Combo[] = [];
  for (let k = 0; interleaved.length < perStage.reduce((sum, list) => sum + list.length, 0); k++) {
    for (const list of perStage) if (list[k]) interleaved.push(list[k] as Combo);
  }
  return interleaved;
}

function stageTitle(stage: StageDef): string {
  return stage.name.startsWith('高中') ? '普通高中教科书·' : stage.name;
}

/** A grade and subject (names as the platform writes them, e.g. 二年级 and 语文) a mirror must hold first. */
export type LeadingTextbook = { grade: string; subject: string };

/**
 * The combos in plan order, with the leading ones first (in their order, in the first stage that teaches them):
 * a demo whose videos belong to 二年级·语文 needs that textbook even when the diagonal plan would reach it only
 * after a hundred others.
 */
function orderedCombos(leading: readonly LeadingTextbook[]): Combo[] {
  const all = combos();
  const matches = (combo: Combo, want: LeadingTextbook) =>
    combo.grade?.name === want.grade &&
    (combo.subject.name === want.subject || combo.subject.name.endsWith(`·${want.subject}`));
  const first = leading.flatMap((want) => all.find((combo) => matches(combo, want)) ?? []);
  const unique = [...new Set(first)];
  return [...unique, ...all.filter((combo) => !unique.includes(combo))];
}

export function planTextbooks(
  random: SeededRandom,
  count: number,
  leading: readonly LeadingTextbook[] = [],
): PlannedTextbook[] {
  const all = orderedCombos(leading);
  return Array.from({ length: count }, (_, i) => {
    const combo = all[Math.floor(i / 2) % all.length] as Combo;
    const round = Math.floor(i / (2 * all.length));
    const volumes = volumesOf(combo.subject.name, combo.grade);
    const volume = volumes[(i + round) % volumes.length] as TagDef;
    // Both volumes of a grade (textbooks 2k and 2k + 1) come from one edition.
    const editions = editionsOf(combo.subject.name, combo.grade);
    const pair = Math.floor(i / 2);
    const edition = editions[(round + STAGES.indexOf(combo.stage) + pair) % editions.length] as TagDef;
    const title = `${stageTitle(combo.stage)}${combo.subject.name}${edition.name}${combo.grade?.name ?? ''}${volume.name}`;
    return {
      id: random.uuid(),
      title,
      ...combo,
      edition,
      volume,
      newOld: NEW_OLD[i % 3 === 0 ? 1 : 0] as TagDef,
      updateTime: new Date(Date.UTC(2024, 2, 15) + random.int(86_400_000))
        .toISOString()
        .replace('Z', '+0800'),
    };
  });
}

type TagNode = {
  tag_id: string;
  tag_name: string;
  tag_dimension_id: string;
  hierarchies: { hierarchy_name: string; children: TagNode[] }[] | null;
};

function child(parent: TagNode, hierarchyName: string, dimension: string, def: TagDef): TagNode {
  parent.hierarchies ??= [{ hierarchy_name: hierarchyName, children: [] }];
  const children = (parent.hierarchies[0] as { children: TagNode[] }).children;
  let node = children.find((candidate) => candidate.tag_id === def.id);
  if (!node) {
    node = { tag_id: def.id, tag_name: def.name, tag_dimension_id: dimension, hierarchies: null };
    children.push(node);
  }
  return node;
}

const SUBJECT_ORDER = Object.keys(SUBJECTS);

/** Textbooks in the order a family reads the tree: grade, then subject, then edition, then volume. */
function compareInCurriculum(a: PlannedTextbook, b: PlannedTextbook): number {
  const rank = (book: PlannedTextbook) => [
    STAGES.indexOf(book.stage),
    book.grade?.level ?? 0,
    SUBJECT_ORDER.indexOf(book.subject.name),
    editionsOf(book.subject.name, book.grade).findIndex((edition) => edition.id === book.edition.id),
    volumesOf(book.subject.name, book.grade).findIndex((volume) => volume.id === book.volume.id),
  ];
  const [left, right] = [rank(a), rank(b)];
  const at = left.findIndex((value, i) => value !== right[i]);
  return at === -1 ? 0 : (left[at] as number) - (right[at] as number);
}

/** The lesson tag tree of the planned textbooks (stage → grade → subject → edition → volume → new/old). */
export function buildTagTree(textbooks: readonly PlannedTextbook[]) {
  const root: TagNode = { tag_id: 'root', tag_name: '', tag_dimension_id: '', hierarchies: null };
  for (const stage of STAGES) child(root, '学段', 'zxxxd', stage);
  for (const textbook of [...textbooks].sort(compareInCurriculum)) {
    const stage = child(root, '学段', 'zxxxd', textbook.stage);
    const gradeOrStage = textbook.grade ? child(stage, '年级', 'zxxnj', textbook.grade) : stage;
    const subject = child(gradeOrStage, '学科', 'zxxxk', textbook.subject);
    const edition = child(subject, '版本', 'zxxbb', textbook.edition);
    const volume = child(edition, '册次', 'zxxcc', textbook.volume);
    child(volume, '新旧教材', 'zxxxjjc', textbook.newOld);
  }
  return { tag_path: '2RC4XgwnvkIoXucpn6OOpm', hierarchies: root.hierarchies };
}
