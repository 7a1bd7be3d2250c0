import { DEFAULT_ASSET_HOST, REF_PATH_PREFIX } from '../layout.ts';
import type { SeededRandom } from './seeded-random.ts';
import type { GradeDef, StageDef, TagDef } from './mirror-vocabulary.ts';

/** Builders of records in the platform's source format (lean: the fields the importer and players read). */

export interface PlannedTextbook {
  id: string;
  title: string;
  stage: StageDef;
  grade?: GradeDef;
  subject: TagDef;
  edition: TagDef;
  volume: TagDef;
  newOld: TagDef;
  updateTime: string;
}

export interface PlannedLesson {
  id: string;
  title: string;
  type: 'national_lesson' | 'elite_lesson' | 'singing';
  chapterIds: string[];
  periods: number;
  /** How a multi-period lesson names its periods: `resource_structure.relations` or `bkks` tags. */
  periodStyle: 'structure' | 'tags';
  teacher: { id: string; name: string; intro: string };
  provider: TagDef;
  resSort: number;
  updateTime: string;
}

const tag = (dimension: string, def: TagDef, order: number) => ({
  tag_dimension_id: dimension,
  tag_id: def.id,
  tag_name: def.name,
  order_num: order,
});

export function textbookTags(textbook: PlannedTextbook) {
  const tags = [
    tag('zxxxd', textbook.stage, 0),
    tag('zxxxk', textbook.subject, 0),
    tag('zxxbb', textbook.edition, 0),
  ];
  tags.push(tag('zxxcc', textbook.volume, 0), tag('zxxxjjc', textbook.newOld, 0));
  if (textbook.grade) tags.push(tag('zxxnj', textbook.grade, 0));
  return tags;
}

export function textbookEntry(textbook: PlannedTextbook) {
  return {
    id: textbook.id,
    title: textbook.title,
    status: 'ONLINE',
    resource_type_code: 'teachingmaterials',
    update_time: textbook.updateTime,
    tag_list: textbookTags(textbook),
    custom_properties: {
      thumbnails: [
        `https://r1-ndr.ykt.cbern.com.cn/edu_product/esp/teachingmaterials/${textbook.id}.pkg/cover.jpg`,
      ],
    },
  };
}

const PRIVATE = DEFAULT_ASSET_HOST;
const RENDITIONS: [string, string][] = [
  ['href-m3u8', '1920x1080'],
  ['href-720p-m3u8', '1280x720'],
  ['href-480p-m3u8', '852x480'],
  ['href-360p-m3u8', '640x360'],
];

/** Lean on purpose (one mirror URL; `cs_path` only on the main rendition) to keep big mirrors small. */
function tiItem(flag: string, format: string, path: string, encryption?: string) {
  const item: Record<string, unknown> = { ti_file_flag: flag, ti_format: format };
  if (flag === 'href-m3u8') item.ti_storage = `${REF_PATH_PREFIX}${path}`;
  else item.ti_storages = [PRIVATE + path];
  if (encryption) item.custom_properties = { encryption };
  return item;
}

export function videoItems(random: SeededRandom, id: string, kind = 'assets') {
  const base = `/edu_product/esp/${kind}/${id}.t/zh-CN/1703757260746/videos/${id}`;
  const items = RENDITIONS.map(([flag, size]) =>
    tiItem(flag, 'm3u8', `${base}-${size}-true-${random.hex(8)}.m3u8`, 'drm'),
  );
  items.push(
    tiItem('thumbnail_1', 'jpg', `/edu_product/esp/${kind}/${id}.t/zh-CN/1703757260746/cover/1.jpg`),
  );
  return items;
}

function minutesSeconds(seconds: number): string {
  return `PT${Math.floor(seconds / 60)}M${seconds % 60}S`;
}

const DOCUMENT_TYPES = [
  ['coursewares', '课件', 'pptx'],
  ['lesson_plandesign', '教学设计', 'docx'],
  ['learning_task', '学习任务单', 'docx'],
  ['after_class_exercise', '课后练习', 'docx'],
] as const;

const PERIOD_NAMES = ['第一课时', '第二课时', '第三课时'];

/** One period's sub-resources: a video and the four documents. */
function periodResources(random: SeededRandom, lesson: PlannedLesson, period: number) {
  const periodTag =
    lesson.periods > 1 && lesson.periodStyle === 'tags'
      ? [
          {
            tag_dimension_id: 'bkks',
            tag_id: `50363427${30 + period}`,
            tag_name: PERIOD_NAMES[period],
            order_num: period,
          },
        ]
      : [];
  const videoId = random.uuid();
  const seconds = 480 + random.int(900);
  const video = {
    id: videoId,
    title: '视频课程',
    resource_type_code: 'micro_lesson_video',
    tag_list: periodTag,
    custom_properties: { duration: minutesSeconds(seconds), format: 'mp4', height: '1080' },
    ti_items: videoItems(random, videoId),
  };
  const documents = DOCUMENT_TYPES.map(([type, name, format]) => {
    const id = random.uuid();
    return {
      id,
      title: name,
      resource_type_code: type,
      tag_list: type === 'learning_task' || type === 'after_class_exercise' ? periodTag : [],
      custom_properties: { format },
      ti_items: [
        tiItem('pdf', 'pdf', `/edu_product/esp/${type}/${id}.t/zh-CN/1697516861138/transcode/pdf.pdf`),
      ],
    };
  });
  return [video, ...documents];
}

export function lessonListEntry(lesson: PlannedLesson, textbook: PlannedTextbook) {
  return {
    id: lesson.id,
    title: lesson.title,
    status: 'ONLINE',
    resource_type_code: lesson.type,
    update_time: lesson.updateTime,
    online_time: lesson.updateTime,
    tag_list: textbookTags(textbook),
    chapter_ids: lesson.chapterIds,
    chapter_paths: [lesson.chapterIds.join('/')],
    teachmeterial_ids: [textbook.id],
    custom_properties: {
      prom_resouce_type: lesson.type === 'singing' ? 'assets_video' : 'standard_lesson',
      thumbnails: [
        `https://r1-ndr.ykt.cbern.com.cn/edu_product/esp/assets/${lesson.id}.t/zh-CN/1/cover/1.jpg`,
      ],
    },
    resource_custom_properties: { res_sort: lesson.resSort },
  };
}

export function lessonDetail(random: SeededRandom, lesson: PlannedLesson, textbook: PlannedTextbook) {
  const detail: Record<string, unknown> = {
    ...lessonListEntry(lesson, textbook),
    teacher_list: [{ ...lesson.teacher, nick_name: null }],
    provider_list: [{ id: lesson.provider.id, name: lesson.provider.name, type: 'provider' }],
  };
  if (lesson.type === 'singing') {
    const seconds = 40 + random.int(90);
    detail.custom_properties = { ...(detail.custom_properties as object), duration: minutesSeconds(seconds) };
    detail.ti_items = videoItems(random, lesson.id, 'singing');
    return detail;
  }
  const resources = [];
  for (let period = 0; period < lesson.periods; period++)
    resources.push(...periodResources(random, lesson, period));
  const relationKey = lesson.type === 'elite_lesson' ? 'course_resource' : 'national_course_resource';
  detail.relations = { [relationKey]: resources };
  if (lesson.periods > 1 && lesson.periodStyle === 'structure') {
    const perPeriod = resources.length / lesson.periods;
    detail.resource_structure = {
      relations: Array.from({ length: lesson.periods }, (_, period) => ({
        id: `lesson_${period + 1}`,
        title: PERIOD_NAMES[period],
        res_ref: [
          `$.relations.${relationKey}[${Array.from({ length: perPeriod }, (_, i) => period * perPeriod + i).join(',')}]`,
        ],
      })),
    };
  }
  return detail;
}

/** A section item (课后服务, 家庭教育…): a video at the root, like the special_edu details. */
export function sectionItem(
  random: SeededRandom,
  id: string,
  title: string,
  category: TagDef | undefined,
  updateTime: string,
) {
  const entry = {
    id,
    title,
    status: 'ONLINE',
    resource_type_code: 'assets_video',
    update_time: updateTime,
    tag_list: category
      ? [{ tag_dimension_id: 'subCatalog', tag_id: category.id, tag_name: category.name }]
      : [],
    custom_properties: { duration: minutesSeconds(300 + random.int(900)) },
  };
  return { entry, detail: { ...entry, ti_items: videoItems(random, id, 'special_edu') } };
}
