// Where the channels, releases and home layouts screens work: the region (side bar) and the carrier (top bar,
// in the URL).
import { region } from './region.ts';
import { carrier } from './route.ts';

export type Scope = { region: string; carrier: string };

/** A new object whenever the region or the carrier changes: a resource keyed by it fetches again. */
export const scope = (): Scope => ({ region: region(), carrier: carrier() });
