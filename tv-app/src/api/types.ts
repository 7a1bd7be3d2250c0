// The device API's shapes under the TV's names: types only, inferred from the one contract (@ketang/contract's
// zod schemas, docs/device-api.md). `import type` keeps zod out of the bundle; a contract change the TV does
// not follow fails the TV's tsc.
import type * as Contract from '@ketang/contract';

export type Text = Contract.Text;
export type Named = Contract.NamedRef;

export type LessonSummary = Contract.LessonSummary;
export type LessonPage = Contract.LessonPage;
export type LessonDetail = Contract.LessonDetail;
export type Playability = Contract.Playability;
export type Playback = Contract.Playback;
export type PackagedPlayback = Contract.PackagedPlayback;
export type ExternalPlayback = Contract.ExternalPlayback;
export type Rendition = Contract.Rendition;

export type FacetTree = Contract.FacetTree;
export type FacetNode = Contract.FacetNodeOutput;
export type FacetKind = FacetNode['kind'];
export type Textbook = Contract.TextbookDetail;
export type Unit = Contract.UnitOutput;

export type HomeDocument = Contract.Home;
export type Rail = Contract.Rail;
export type SectionItem = Contract.SectionOutput;
export type ChannelList = Contract.ChannelList;
export type ChannelItem = Contract.ChannelOutput;
export type Slot = Contract.SlotOutput;
export type Timetable = Contract.Timetable;
export type ChannelNow = Contract.OnAir;

export type SearchResult = Contract.SearchResult;

export type PlaybackEvent = Contract.PlaybackEventBody;
export type PlaybackStats = Contract.PlaybackStats;
export type EventAccepted = Contract.EventAccepted;
