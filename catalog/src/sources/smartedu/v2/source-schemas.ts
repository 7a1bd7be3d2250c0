import { z } from 'zod';

/**
 * zod schemas of the platform's source records (format version 2, the `ndrv2` layout), read as the source
 * spells them (`teachmeterial_ids`, `prom_resouce_type`). Unknown fields pass through; real files omit many
 * fields or set them to null, so nearly everything is optional.
 */

const text = z.string().nullish();
const strings = z.array(z.string()).nullish();

export const SourceTagSchema = z.looseObject({
  tag_dimension_id: z.string(),
  tag_id: text,
  tag_name: z.string(),
  order_num: z.number().nullish(),
});
export type SourceTag = z.infer<typeof SourceTagSchema>;

export const VersionFileSchema = z.looseObject({
  module: z.string(),
  module_version: z.union([z.number(), z.string()]),
  /** An array in one module's file, one comma-separated string in another's. */
  urls: z.union([z.array(z.string()), z.string()]),
  /** Not written by the platform; a mirror may declare it. Absent means 2. */
  format_version: z.number().int().optional(),
});
export type VersionFile = z.infer<typeof VersionFileSchema>;

export interface SourceTagNode {
  tag_id: string;
  tag_name: string;
  tag_dimension_id: string;
  hierarchies?: { children?: SourceTagNode[] | null }[] | null;
}
export const SourceTagNodeSchema: z.ZodType<SourceTagNode> = z.lazy(() =>
  z.looseObject({
    tag_id: z.string(),
    tag_name: z.string(),
    tag_dimension_id: z.string(),
    hierarchies: z.array(z.looseObject({ children: z.array(SourceTagNodeSchema).nullish() })).nullish(),
  }),
);
export const TagTreeSchema = z.looseObject({
  hierarchies: z.array(z.looseObject({ children: z.array(SourceTagNodeSchema).nullish() })).nullish(),
});

export const TextbookEntrySchema = z.looseObject({
  id: z.string().min(1),
  title: text,
  description: text,
  status: text,
  update_time: text,
  online_time: text,
  tag_list: z.array(SourceTagSchema),
  custom_properties: z.looseObject({ thumbnails: strings, providers: strings }).nullish(),
});
export type TextbookEntry = z.infer<typeof TextbookEntrySchema>;

export interface SourceChapterNode {
  id: string;
  title?: string | null;
  child_nodes?: SourceChapterNode[] | null;
}
export const ChapterNodeSchema: z.ZodType<SourceChapterNode> = z.lazy(() =>
  z.looseObject({ id: z.string().min(1), title: text, child_nodes: z.array(ChapterNodeSchema).nullish() }),
);
/** Inferred: the root is an array of nodes; a single root node with `child_nodes` is accepted too. */
export const ChapterTreeSchema = z.union([
  z.array(ChapterNodeSchema),
  z.looseObject({ child_nodes: z.array(ChapterNodeSchema) }).transform((root) => root.child_nodes),
]);

/** A textbook's (or section's) `parts.json`: the URLs of its list parts. */
export const PartsListSchema = z.union([
  z.array(z.string()),
  z.string().transform((joined) => joined.split(',')),
  z
    .looseObject({ urls: z.union([z.array(z.string()), z.string()]) })
    .transform((file) => (Array.isArray(file.urls) ? file.urls : file.urls.split(','))),
]);

export const TiItemSchema = z.looseObject({
  ti_file_flag: text,
  ti_format: text,
  ti_storage: text,
  ti_storages: strings,
  ti_size: z.number().nullish(),
  ti_is_source_file: z.boolean().nullish(),
  custom_properties: z.looseObject({ encryption: z.union([z.string(), z.boolean()]).nullish() }).nullish(),
});
export type TiItem = z.infer<typeof TiItemSchema>;

const GlobalTitleSchema = z.looseObject({ 'zh-CN': text, en: text }).nullish();

export const SubResourceSchema = z.looseObject({
  id: z.string().min(1),
  title: text,
  global_title: GlobalTitleSchema,
  resource_type_code: text,
  resource_type_code_name: text,
  update_time: text,
  tag_list: z.array(SourceTagSchema).nullish(),
  ti_items: z.array(TiItemSchema).nullish(),
  custom_properties: z
    .looseObject({
      duration: text,
      format: text,
      alias_name: text,
      original_title: text,
      thumbnails: strings,
    })
    .nullish(),
});
export type SubResource = z.infer<typeof SubResourceSchema>;

const PersonSchema = z.looseObject({ id: text, name: z.string().nullish(), intro: text });
const ProviderRefSchema = z.looseObject({ id: z.string().min(1), name: text, type: text });

export const PeriodRelationSchema = z.looseObject({
  id: z.string().min(1),
  title: text,
  res_ref: strings,
  custom_properties: z.looseObject({ teacher_ids: strings }).nullish(),
});
export type PeriodRelation = z.infer<typeof PeriodRelationSchema>;

/** A lesson list entry and a lesson detail share this shape; the detail adds sub-resources' `ti_items`. */
export const LessonRecordSchema = z.looseObject({
  id: z.string().min(1),
  title: text,
  global_title: GlobalTitleSchema,
  description: text,
  resource_type_code: text,
  status: text,
  update_time: text,
  online_time: text,
  tag_list: z.array(SourceTagSchema).nullish(),
  chapter_ids: strings,
  chapter_paths: strings,
  teachmeterial_ids: strings,
  custom_properties: z
    .looseObject({ prom_resouce_type: text, duration: text, thumbnails: strings, providers: strings })
    .nullish(),
  resource_custom_properties: z.looseObject({ res_sort: z.number().nullish() }).nullish(),
  relations: z.record(z.string(), z.array(SubResourceSchema).nullish()).nullish(),
  resource_structure: z.looseObject({ relations: z.array(PeriodRelationSchema).nullish() }).nullish(),
  ti_items: z.array(TiItemSchema).nullish(),
  teacher_list: z.array(PersonSchema).nullish(),
  provider_list: z.array(ProviderRefSchema).nullish(),
});
export type LessonRecord = z.infer<typeof LessonRecordSchema>;

/**
 * A lesson list entry, checked lightly: its sub-resources are only read when the detail is missing, and are
 * then checked with LessonRecordSchema.
 */
export const LessonListEntrySchema = LessonRecordSchema.extend({
  relations: z.record(z.string(), z.unknown()).nullish(),
  resource_structure: z.unknown().optional(),
  ti_items: z.unknown().optional(),
});
export type LessonListEntry = z.infer<typeof LessonListEntrySchema>;
