import type { FacetKind } from '../../model/facets.ts';
import type { SectionKind } from '../../model/section.ts';
import type { DOCUMENT_KINDS } from '../../model/lesson.ts';

/**
 * The platform's vocabulary: tag dimensions, sub-resource types, sections, and English names of the facet
 * values where the translation is obvious. Data only; the mappers look things up here.
 */

export const DIMENSION_TO_FACET: Record<string, FacetKind> = {
  zxxxd: 'stage',
  zxxnj: 'grade',
  zxxxk: 'subject',
  zxxbb: 'edition',
  zxxcc: 'volume',
};
export const NEW_OLD_DIMENSION = 'zxxxjjc';
export const NEW_CURRICULUM_TAG_NAME = '新教材';
export const PERIOD_DIMENSION = 'bkks';
export const RESOURCE_KIND_DIMENSION = 'bklx';
/** Inferred: a section item names its sub-category with a tag of this dimension (tag_id = category code). */
export const SECTION_CATEGORY_DIMENSION = 'subCatalog';

export const FIVE_FOUR_MARKERS = ['五•四', '五·四', '五四'];

export const SUB_RESOURCE_TYPES = [
  'micro_lesson_video',
  'coursewares',
  'lesson_plandesign',
  'learning_task',
  'after_class_exercise',
] as const;
export type SubResourceType = (typeof SUB_RESOURCE_TYPES)[number];

/** Stripped records only carry `resource_type_code_name` or a `bklx` tag: their names name the type. */
export const SUB_RESOURCE_TYPE_BY_NAME: Record<string, SubResourceType> = {
  微课视频: 'micro_lesson_video',
  视频课程: 'micro_lesson_video',
  课件: 'coursewares',
  教学设计: 'lesson_plandesign',
  学习任务单: 'learning_task',
  课后练习: 'after_class_exercise',
  课后作业: 'after_class_exercise',
};

export const DOCUMENT_KIND_BY_TYPE: Record<string, (typeof DOCUMENT_KINDS)[number]> = {
  coursewares: 'courseware',
  lesson_plandesign: 'lesson-plan',
  learning_task: 'learning-task',
  after_class_exercise: 'exercise',
};

export const SUB_RESOURCE_TITLE_ZH: Record<SubResourceType, string> = {
  micro_lesson_video: '视频课程',
  coursewares: '课件',
  lesson_plandesign: '教学设计',
  learning_task: '学习任务单',
  after_class_exercise: '课后练习',
};

export const SECTION_DEFINITIONS: Record<string, { kind: SectionKind; zh: string; en: string }> = {
  schoolService: { kind: 'after-school', zh: '课后服务', en: 'After-school services' },
  family: { kind: 'family-education', zh: '家庭教育', en: 'Family education' },
  sedu: { kind: 'moral-education', zh: '德育', en: 'Moral education' },
  labourEdu: { kind: 'labour-education', zh: '劳动教育', en: 'Labour education' },
  specialEdu: { kind: 'special-education', zh: '特殊教育', en: 'Special education' },
  eduReform: { kind: 'topic', zh: '教改实践经验', en: 'Teaching reform practice' },
  topic: { kind: 'topic', zh: '专题教育', en: 'Topic education' },
  teacherTraining: { kind: 'teacher-training', zh: '教师研修', en: 'Teacher training' },
};

export const KNOWN_SECTION_CATEGORIES: Record<string, { code: string; zh: string; en: string }[]> = {
  schoolService: [
    { code: 'jdyd', zh: '经典阅读', en: 'Classic reading' },
    { code: 'kpjy', zh: '科普教育', en: 'Science education' },
    { code: 'whys', zh: '文化艺术', en: 'Culture and arts' },
    { code: 'ysjy', zh: '影视教育', en: 'Film education' },
  ],
};

/** Placeholder for a node the source left without a title. */
export const UNTITLED_ZH = '（未命名）';
/** Title of the n-th period when the source names none, e.g. 第1课时. */
export const periodTitleZh = (n: number) => `第${n}课时`;

const GRADE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

export const FACET_NAMES_EN: Record<string, string> = {
  小学: 'Primary school',
  初中: 'Junior secondary school',
  高中: 'Senior secondary school',
  '小学（五•四学制）': 'Primary school (5-4 system)',
  '初中（五•四学制）': 'Junior secondary school (5-4 system)',
  ...Object.fromEntries(GRADE_NUMERALS.map((numeral, i) => [`${numeral}年级`, `Grade ${i + 1}`])),
  高一: 'Grade 10',
  高二: 'Grade 11',
  高三: 'Grade 12',
  一至二年级: 'Grades 1–2',
  三至四年级: 'Grades 3–4',
  五至六年级: 'Grades 5–6',
  语文: 'Chinese',
  数学: 'Mathematics',
  英语: 'English',
  物理: 'Physics',
  化学: 'Chemistry',
  生物学: 'Biology',
  历史: 'History',
  地理: 'Geography',
  科学: 'Science',
  道德与法治: 'Morality and Law',
  思想政治: 'Ideology and Politics',
  信息技术: 'Information Technology',
  通用技术: 'General Technology',
  体育与健康: 'Physical Education and Health',
  音乐: 'Music',
  美术: 'Fine Arts',
  艺术: 'Arts',
  '艺术·音乐': 'Arts: Music',
  '艺术·美术': 'Arts: Fine Arts',
  劳动与技术: 'Labour and Technology',
  '语文·书法练习指导': 'Chinese: Calligraphy',
  上册: 'Volume 1',
  下册: 'Volume 2',
  全一册: 'Single volume',
  人教版: 'PEP edition',
  统编版: 'National unified edition',
  北师大版: 'BNUP edition',
};
