/**
 * Source format versions. Version 2 is the platform's current layout (`ndrv2` lesson details with
 * `relations` and `resource_structure`). Version 1 (the older `ndrs` details without sub-resource
 * relations) is not supported. The platform's version files do not say which format they belong to; a mirror
 * may declare `format_version`, and an undeclared one is taken as version 2.
 */
export const SUPPORTED_FORMAT_VERSIONS = [2] as const;
export type SupportedFormatVersion = (typeof SUPPORTED_FORMAT_VERSIONS)[number];
export const CURRENT_FORMAT_VERSION: SupportedFormatVersion = 2;

export class SmarteduFormatError extends Error {
  constructor(
    readonly code: 'format-too-old' | 'format-too-new' | 'format-invalid',
    readonly formatVersion: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'SmarteduFormatError';
  }
}

export function checkFormatVersion(declared: number | undefined): SupportedFormatVersion {
  const version = declared ?? CURRENT_FORMAT_VERSION;
  const oldest = SUPPORTED_FORMAT_VERSIONS[0];
  const newest = SUPPORTED_FORMAT_VERSIONS[SUPPORTED_FORMAT_VERSIONS.length - 1] as number;
  if (!Number.isInteger(version)) {
    throw new SmarteduFormatError(
      'format-invalid',
      version,
      `format_version must be an integer, got ${version}`,
    );
  }
  if (version < oldest) {
    throw new SmarteduFormatError(
      'format-too-old',
      version,
      `smartedu format version ${version} is too old: this importer reads versions ${oldest}–${newest}`,
    );
  }
  if (version > newest) {
    throw new SmarteduFormatError(
      'format-too-new',
      version,
      `smartedu format version ${version} is too new: this importer reads versions ${oldest}–${newest}; update Ketang`,
    );
  }
  return version as SupportedFormatVersion;
}
