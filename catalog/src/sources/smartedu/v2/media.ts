import type { LessonDocument, VideoSource } from '../../../model/lesson.ts';
import { expandStoragePath } from '../layout.ts';
import {
  DOCUMENT_KIND_BY_TYPE,
  RESOURCE_KIND_DIMENSION,
  SUB_RESOURCE_TITLE_ZH,
  SUB_RESOURCE_TYPE_BY_NAME,
} from '../vocabulary.ts';
import type { SubResourceType } from '../vocabulary.ts';
import { toSmarteduId } from './ids.ts';
import type { SubResource, TiItem } from './source-schemas.ts';
import { cleanUrl, parseIsoDuration } from './values.ts';

type RenditionLabel = '2160p' | '1080p' | '720p' | '480p' | '360p';
type Rendition = { label: RenditionLabel; height: number; url: string };

const HEIGHT_BY_FLAG: Record<string, number> = {
  'href-1080p-m3u8': 1080,
  'href-720p-m3u8': 720,
  'href-480p-m3u8': 480,
  'href-360p-m3u8': 360,
};

/** The type of a sub-resource: its code, else what its type name or `bklx` tag says. */
export function subResourceType(resource: SubResource): string | undefined {
  if (resource.resource_type_code) return resource.resource_type_code;
  const byName =
    resource.resource_type_code_name && SUB_RESOURCE_TYPE_BY_NAME[resource.resource_type_code_name];
  if (byName) return byName;
  const kindTag = resource.tag_list?.find((tag) => tag.tag_dimension_id === RESOURCE_KIND_DIMENSION);
  return kindTag ? SUB_RESOURCE_TYPE_BY_NAME[kindTag.tag_name] : undefined;
}

/** A storage URL of a `ti_items` entry: the first full mirror URL, else the expanded `cs_path`. */
export function urlOfItem(item: TiItem): string | undefined {
  const first = item.ti_storages?.find((url) => /^https?:\/\//i.test(url));
  return cleanUrl(first ?? (item.ti_storage ? expandStoragePath(item.ti_storage) : undefined));
}

function labelOf(height: number): RenditionLabel {
  if (height >= 2160) return '2160p';
  if (height >= 1080) return '1080p';
  if (height >= 720) return '720p';
  if (height >= 480) return '480p';
  return '360p';
}

function isHlsItem(item: TiItem): boolean {
  return item.ti_format === 'm3u8' || (item.ti_file_flag ?? '').startsWith('href');
}

/** Height of a rendition: from its flag, else the `-1920x1080-` in the file name, else the resource's height. */
function heightOf(item: TiItem, url: string, fallback: number | undefined): number | undefined {
  const byFlag = item.ti_file_flag ? HEIGHT_BY_FLAG[item.ti_file_flag] : undefined;
  if (byFlag) return byFlag;
  const inName = /-(\d{3,4})x(\d{3,4})-/.exec(url);
  return inName ? Number(inName[2]) : fallback;
}

/** Renditions by `ti_file_flag` (1080p/720p/480p/360p), one per label, highest first. */
export function renditionsOf(items: readonly TiItem[], fallbackHeight?: number): Rendition[] {
  const byLabel = new Map<RenditionLabel, Rendition>();
  for (const item of items) {
    if (!isHlsItem(item)) continue;
    const url = urlOfItem(item);
    const height = url ? heightOf(item, url, fallbackHeight) : undefined;
    if (!url || !height) continue;
    const label = labelOf(height);
    if (!byLabel.has(label)) byLabel.set(label, { label, height, url });
  }
  return [...byLabel.values()].sort((a, b) => b.height - a.height);
}

const REAL_DRM = /widevine|playready|fairplay|chinadrm/i;

/**
 * The platform labels its AES-128 HLS (keys behind its login) `encryption: "drm"`; the playlists say
 * METHOD=AES-128. Only a named DRM system maps to 'drm'. Never 'none': the hosts need the platform's login.
 */
function encryptionOf(items: readonly TiItem[]): 'aes-128' | 'drm' {
  const labels = items.map((item) => String(item.custom_properties?.encryption ?? ''));
  return labels.some((label) => REAL_DRM.test(label)) ? 'drm' : 'aes-128';
}

export function videoSourceOf(
  id: string,
  items: readonly TiItem[],
  periodId: string | undefined,
  fallbackHeight?: number,
): VideoSource | undefined {
  const renditions = renditionsOf(items, fallbackHeight);
  if (renditions.length === 0) return undefined;
  const source: VideoSource = {
    type: 'external-hls',
    id,
    renditions,
    encryption: encryptionOf(items),
    licence: 'required',
  };
  if (periodId) source.periodId = periodId;
  return source;
}

/** Duration in seconds: the resource's `duration`, else the `Duration` a rendition's requirements state. */
export function durationOf(
  resource: { custom_properties?: { duration?: string | null } | null },
  items: readonly TiItem[],
): number | undefined {
  const own = parseIsoDuration(resource.custom_properties?.duration);
  if (own !== undefined) return own;
  for (const item of items) {
    const requirements = (item.custom_properties as { requirements?: unknown } | null | undefined)
      ?.requirements;
    if (!Array.isArray(requirements)) continue;
    const stated = requirements.find((entry) => (entry as { name?: unknown })?.name === 'Duration') as
      { value?: unknown } | undefined;
    const seconds = typeof stated?.value === 'string' ? parseIsoDuration(stated.value) : undefined;
    if (seconds !== undefined) return seconds;
  }
  return undefined;
}

const NOT_A_DOCUMENT = new Set(['folder', 'jpg', 'jpeg', 'png', 'json', 'superboard', 'txt', 'm3u8']);

/** A document sub-resource: its PDF rendition, else the first file a viewer can open. */
export function documentOf(
  resource: SubResource,
  type: string,
  periodId: string | undefined,
): LessonDocument {
  const items = resource.ti_items ?? [];
  const pdf = items.find((item) => item.ti_format === 'pdf' || item.ti_file_flag === 'pdf');
  const chosen = pdf ?? items.find((item) => item.ti_format && !NOT_A_DOCUMENT.has(item.ti_format));
  const title =
    resource.title?.trim() ||
    resource.custom_properties?.alias_name?.trim() ||
    SUB_RESOURCE_TITLE_ZH[type as SubResourceType] ||
    resource.id;
  const document: LessonDocument = {
    id: toSmarteduId(resource.id),
    kind: DOCUMENT_KIND_BY_TYPE[type] ?? 'other',
    title: { zh: title },
  };
  const url = chosen ? urlOfItem(chosen) : undefined;
  if (url) document.url = url;
  const format = chosen?.ti_format ?? resource.custom_properties?.format;
  if (format) document.format = format;
  if (periodId) document.periodId = periodId;
  return document;
}
