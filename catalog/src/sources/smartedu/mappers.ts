import { checkFormatVersion } from './format-version.ts';
import type { SupportedFormatVersion } from './format-version.ts';
import { smarteduMapperV2 } from './v2/index.ts';
import type { SmarteduMapper } from './v2/index.ts';

const MAPPERS: Record<SupportedFormatVersion, SmarteduMapper> = { 2: smarteduMapperV2 };

/** The mapper of a declared format version; throws SmarteduFormatError when it is too old or too new. */
export function mapperForFormat(declared: number | undefined): SmarteduMapper {
  return MAPPERS[checkFormatVersion(declared)];
}
