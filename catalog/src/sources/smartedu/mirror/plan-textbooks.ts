import type { PlannedTextbook } from './mirror-records.ts';
import { EDITIONS, NEW_OLD, SENIOR_VOLUMES, STAGES, SUBJECTS, VOLUMES } from './mirror-vocabulary.ts';
import type { StageDef, TagDef } from './mirror-vocabulary.ts';
import type { SeededRandom } from './seeded-random.ts';

type Combo = { stage: StageDef; grade?: TagDef; subject: TagDef };

/** Walking a stage's grade × subject list with a stride coprime to its length visits every entry, varying both. */
const MIN_STRIDE = 7;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

function coprimeStride(length: number): number {
  let stride = MIN_STRIDE;
  while (gcd(stride, length) !== 1) stride += 1;
  return stride;
}

/** Stage × grade × subject, interleaved across stages so even a small mirror covers every stage and grade. */
function combos(): Combo[] {
  const perStage = STAGES.map((stage) => {
    const grades = stage.grades.length > 0 ? stage.grades : [undefined];
    const product = grades.flatMap((grade) =>
      stage.subjects.map((name) => ({ stage, grade, subject: SUBJECTS[name] as TagDef })),
    );
    const stride = coprimeStride(product.length);
    return product.map((_, j) => product[(j * stride) % product.length] as Combo);
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

export function planTextbooks(random: SeededRandom, count: number): PlannedTextbook[] {
  const all = combos();
  return Array.from({ length: count }, (_, i) => {
    const combo = all[Math.floor(i / 2) % all.length] as Combo;
    const round = Math.floor(i / (2 * all.length));
    const isSenior = combo.grade === undefined;
    const volumes = isSenior ? SENIOR_VOLUMES : VOLUMES;
    const volume = volumes[(i + round) % volumes.length] as TagDef;
    const edition = EDITIONS[(round + STAGES.indexOf(combo.stage) + i) % EDITIONS.length] as TagDef;
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

/** The lesson tag tree of the planned textbooks (stage → grade → subject → edition → volume → new/old). */
export function buildTagTree(textbooks: readonly PlannedTextbook[]) {
  const root: TagNode = { tag_id: 'root', tag_name: '', tag_dimension_id: '', hierarchies: null };
  for (const stage of STAGES) child(root, '学段', 'zxxxd', stage);
  for (const textbook of textbooks) {
    const stage = child(root, '学段', 'zxxxd', textbook.stage);
    const gradeOrStage = textbook.grade ? child(stage, '年级', 'zxxnj', textbook.grade) : stage;
    const subject = child(gradeOrStage, '学科', 'zxxxk', textbook.subject);
    const edition = child(subject, '版本', 'zxxbb', textbook.edition);
    const volume = child(edition, '册次', 'zxxcc', textbook.volume);
    child(volume, '新旧教材', 'zxxxjjc', textbook.newOld);
  }
  return { tag_path: '2RC4XgwnvkIoXucpn6OOpm', hierarchies: root.hierarchies };
}
