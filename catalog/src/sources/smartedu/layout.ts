/**
 * The national platform's static catalogue layout (国家中小学智慧教育平台), as relative paths under a mirror root.
 * This is the only module that knows where files live; readers and the mirror generator both use it.
 * Paths marked "inferred" are not shown by public samples: see docs/catalog-import.md.
 */

/** The platform's video hosts use this placeholder in `ti_storage`; we expand it to the first private host. */
export const REF_PATH_PREFIX = 'cs_path:${ref-path}';
export const DEFAULT_ASSET_HOST = 'https://r1-ndr-private.ykt.cbern.com.cn';

/** Lesson-like list entries and where their details live. */
export const LESSON_RESOURCE_TYPES = ['national_lesson', 'elite_lesson', 'singing'] as const;
export type LessonResourceType = (typeof LESSON_RESOURCE_TYPES)[number];

/** Catalog codes of the special-education sections (课后服务, 家庭教育, 德育…). */
export const SECTION_CATALOG_CODES = [
  'schoolService',
  'family',
  'sedu',
  'labourEdu',
  'specialEdu',
  'eduReform',
  'topic',
  'teacherTraining',
] as const;
export type SectionCatalogCode = (typeof SECTION_CATALOG_CODES)[number];

export const smarteduLayout = {
  lessonVersionFile: 'zxx/ndrs/national_lesson/teachingmaterials/version/data_version.json',
  eTextbookVersionFile: 'zxx/ndrs/resources/tch_material/version/data_version.json',
  lessonTagTree: 'zxx/ndrs/tags/national_lesson_tag.json',
  textbookListPart: (n: number) => `zxx/ndrs/national_lesson/teachingmaterials/part_${n}.json`,
  chapterTree: (textbookId: string) => `zxx/ndrv2/national_lesson/trees/${textbookId}.json`,
  lessonParts: (textbookId: string) =>
    `zxx/ndrs/national_lesson/teachingmaterials/${textbookId}/resources/parts.json`,
  lessonPart: (textbookId: string, n: number) =>
    `zxx/ndrs/national_lesson/teachingmaterials/${textbookId}/resources/part_${n}.json`,
  lessonDetail(type: LessonResourceType, id: string): string {
    if (type === 'singing') return `zxx/ndrv2/singing/resources/details/${id}.json`;
    if (type === 'elite_lesson') return `zxx/ndrv2/resources/${id}.json`;
    return `zxx/ndrv2/national_lesson/resources/details/${id}.json`;
  },
  /** Inferred: one part list per section catalog code, in the shape of a textbook's lesson parts.json. */
  sectionParts: (code: string) => `zxx/ndrs/special_edu/${code}/resources/parts.json`,
  sectionPart: (code: string, n: number) => `zxx/ndrs/special_edu/${code}/resources/part_${n}.json`,
  sectionDetail: (id: string) => `zxx/ndrs/special_edu/resources/details/${id}.json`,
} as const;

/** The static hosts that mirror each other (`s-file-{1,2,3}`): used to write realistic absolute URLs. */
export const STATIC_HOSTS = [
  'https://s-file-1.ykt.cbern.com.cn',
  'https://s-file-2.ykt.cbern.com.cn',
  'https://s-file-3.ykt.cbern.com.cn',
];

/**
 * Upstream files name other files by absolute URL on a static host (`urls`, parts.json). A mirror keeps the
 * same relative paths, so the path of the URL is the path in the mirror.
 */
export function toRelativePath(urlOrPath: string): string {
  const trimmed = urlOrPath.trim();
  const withoutOrigin = /^https?:\/\//i.test(trimmed) ? trimmed.replace(/^https?:\/\/[^/]+/i, '') : trimmed;
  const withoutQuery = withoutOrigin.split(/[?#]/, 1)[0] ?? '';
  return decodeURIComponent(withoutQuery.replace(/^\/+/, ''));
}

/** Expands `cs_path:${ref-path}/…` to a full URL on the first private asset host. */
export function expandStoragePath(storage: string, host = DEFAULT_ASSET_HOST): string {
  return storage.startsWith(REF_PATH_PREFIX) ? host + storage.slice(REF_PATH_PREFIX.length) : storage;
}
