import { openDatabase } from '../../../content-api/src/db/sqlite/sqlite-store.ts';
import { SqliteCollection } from '../../../content-api/src/db/sqlite/sqlite-collection.ts';
import type { PlaybackEventRecord } from '../../../content-api/src/stores/event.store.ts';
import { seededRandom } from '../shared/seeded-random.ts';

export const REGIONS = ['jx', 'gd', 'hn', 'hb', 'sc', 'zj', 'js', 'sd', 'ha', 'ah'];
export const CARRIERS = ['cmcc', 'ctcc', 'cucc'];
export const MODELS = ['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7', 'M8'];
const CODECS = ['avc', 'hevc'];
/**
 * Reports per transaction. The seeding shortcut (see generateEvents) commits this many at once: an index keyed
 * at random (deviceId) dirties about one page per report, so larger transactions write each page fewer times.
 */
const CHUNK = 200_000;
/** The seeding connection's page cache: the indexes' pages a transaction dirties stay in memory until commit. */
const SEED_CACHE_KIB = 1_048_576;

/** `from`: how many are stored already (a scratch store grown run by run); new ids continue after them. */
export type GenerateOptions = {
  from: number;
  events: number;
  days: number;
  households: number;
  lastDay: string;
};

/**
 * Writes `events` playback reports over `days` days ending `lastDay`, as the API stores them (household,
 * region and local day stamped), straight into the events collection in bulk: a quarter are a session's first
 * report (with time to first frame), 1% carry an error. A household keeps its region, carrier and model.
 * Reports are written oldest day first, as boxes send them, with ids in that order (zero-padded): each index
 * then grows at its end instead of at random places (all but deviceId's), and a day's reports lie together.
 */
export async function generateEvents(
  file: string,
  options: GenerateOptions,
  onProgress: (written: number) => void,
): Promise<void> {
  // The bench's seeding shortcut: a second connection to the store's SQLite file, opened with the store's own
  // settings (openDatabase) and written through the store's own collection code (the same rows, index
  // expressions and key rows the API writes), but with a 1 GiB page cache, no fsync (synchronous = OFF: a
  // crash loses only the seed) and 200,000 reports per transaction. The API's writes stay as they are.
  const db = openDatabase(file);
  db.pragma(`cache_size = -${SEED_CACHE_KIB}`);
  db.pragma('synchronous = OFF');
  const events = new SqliteCollection<PlaybackEventRecord & { _id: string }>(db, 'events', async () => {});
  try {
    await write(options, (docs) => db.transaction(() => events.writeDocuments(docs))(), onProgress);
  } finally {
    db.close();
  }
}

async function write(
  options: GenerateOptions,
  commit: (docs: (PlaybackEventRecord & { _id: string })[]) => void,
  onProgress: (written: number) => void,
): Promise<void> {
  const random = seededRandom(13 + options.from);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const last = Date.parse(`${options.lastDay}T00:00:00Z`);
  const first = last - (options.days - 1) * 86_400_000;
  const adding = options.events - options.from;
  let docs: (PlaybackEventRecord & { _id: string })[] = [];
  for (let written = options.from; written < options.events; written += 1) {
    // The n-th new report falls on day ⌊n·days/adding⌋: days in order, each about as full as the others.
    const dayMs = first + Math.floor(((written - options.from) * options.days) / adding) * 86_400_000;
    const household = Math.floor(random() * options.households);
    const isFirst = random() < 0.25;
    docs.push({
      _id: `e${String(written).padStart(10, '0')}`,
      deviceId: `box-${household}`,
      householdId: `hh-${household}`,
      region: REGIONS[household % REGIONS.length]!,
      carrier: CARRIERS[household % CARRIERS.length]!,
      deviceModel: MODELS[household % MODELS.length]!,
      day: new Date(dayMs).toISOString().slice(0, 10),
      kind: 'playback',
      stats: {
        codecFamily: pick(CODECS),
        ...(isFirst ? { timeToFirstFrameMs: Math.round(300 + random() * random() * 6000) } : {}),
        playSeconds: isFirst ? 5 : 30,
        stallSeconds: random() < 0.1 ? Math.round(random() * 30) / 10 : 0,
        bitrate: pick([800_000, 1_500_000, 3_000_000]),
        ...(random() < 0.01 ? { error: pick(['3016 media', '1002 http', '6007 drm']) } : {}),
      },
      receivedAt: new Date(dayMs + 3_600_000 + Math.floor(random() * 72_000_000)).toISOString(),
    });
    if (docs.length === CHUNK || written + 1 === options.events) {
      commit(docs);
      docs = [];
      onProgress(written + 1);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
