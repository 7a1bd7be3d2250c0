import {
  DraftChangesSchema,
  DraftChannelListSchema,
  DraftChannelSchema,
  DraftSlotListSchema,
  PreviewSchema,
  ReleaseDetailSchema,
  ReleaseListSchema,
  ReleaseSchema,
} from '@ketang/contract';
import { taggedOperation, type OperationDocs } from './responses.ts';

const UNKNOWN_CHANNEL = { '404': 'The draft has no such channel' };
const UNKNOWN_RELEASE = { '404': 'The scope has no such release (or it was cancelled)' };

const operation = taggedOperation('releases');

const draft = '/v1/operator/regions/{region}/draft';
const releases = '/v1/operator/regions/{region}/releases';

/** Channel drafts, timetables, releases and previews per region and carrier (docs/operator-api.md). */
export const releaseOperations: OperationDocs = {
  [`GET ${draft}/channels`]: operation(
    "The scope's draft channels (a new draft copies what its devices see now)",
    '200',
    DraftChannelListSchema,
    {},
  ),
  [`PUT ${draft}/channels/{channelId}`]: operation(
    'Add or change a draft channel',
    '200',
    DraftChannelSchema,
    {},
  ),
  [`DELETE ${draft}/channels/{channelId}`]: operation(
    'Remove a draft channel and its slots',
    '204',
    undefined,
    UNKNOWN_CHANNEL,
  ),
  [`GET ${draft}/channels/{channelId}/slots`]: operation(
    "A draft channel's slots on the days [from, from+days) of its time zone",
    '200',
    DraftSlotListSchema,
    UNKNOWN_CHANNEL,
  ),
  [`PUT ${draft}/channels/{channelId}/slots`]: operation(
    "Replace a draft channel's slots on some days (and repeated weekdays), all or nothing; 400 names each slot",
    '200',
    DraftSlotListSchema,
    UNKNOWN_CHANNEL,
  ),
  [`GET ${draft}/changes`]: operation(
    "What the draft changes against what the scope's devices see now",
    '200',
    DraftChangesSchema,
    {},
  ),
  [`POST ${releases}`]: operation(
    "Publish the scope's draft as a new release, now or at publishAt",
    '201',
    ReleaseSchema,
    {},
  ),
  [`GET ${releases}`]: operation(
    "The scope's releases, newest first, and the current one",
    '200',
    ReleaseListSchema,
    {},
  ),
  [`GET ${releases}/{version}`]: operation(
    'A release with its channels and slots',
    '200',
    ReleaseDetailSchema,
    {
      ...UNKNOWN_RELEASE,
    },
  ),
  [`DELETE ${releases}/{version}`]: operation('Cancel a scheduled release', '204', undefined, {
    ...UNKNOWN_RELEASE,
    '409': 'The release is not scheduled (it is current or past)',
  }),
  [`POST ${releases}/{version}/rollback`]: operation(
    "A new release, published now, with an earlier release's content",
    '201',
    ReleaseSchema,
    { ...UNKNOWN_RELEASE, '409': 'The release is still scheduled' },
  ),
  ['POST /v1/operator/regions/{region}/previews']: operation(
    "A pairing code (15 minutes) with which a box sees the scope's draft (X-Ketang-Preview)",
    '201',
    PreviewSchema,
    {},
  ),
};
