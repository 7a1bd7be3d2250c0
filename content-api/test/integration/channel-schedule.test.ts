import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.ts';
import { buildFixtureCatalogue } from '../fixtures/catalogue.ts';
import { getJson, startApi } from '../support/api.ts';
import { embeddedBackend, mongoBackend, type Backend } from '../support/backends.ts';

const backends: Backend[] = [embeddedBackend, mongoBackend()];
// The fixture's grade-1 channel airs a slot every half hour from 23:00 to 05:00 UTC around this instant.
const NOW = new Date('2026-10-14T02:10:00Z');
const minutesLater = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

/** What the channel list and a channel's "now" say as the server clock moves through the timetable. */
describe.each(backends)('the channels on air on the $name store', (backend) => {
  let api: RunningServer;
  let now = NOW;
  const listed = async () => {
    const answer = await getJson(api.url, '/v1/channels');
    expect(answer.status).toBe(200);
    const [channel] = answer.body.items;
    return { now: channel.now?.id as string | undefined, next: channel.next?.id as string | undefined };
  };

  beforeAll(async () => {
    api = await startApi(await backend.open(), buildFixtureCatalogue(NOW), { clock: () => now });
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await backend.shutdown();
  });

  it('moves on when a slot ends, though the list is kept between slot boundaries', async () => {
    now = NOW;
    expect(await listed()).toEqual({ now: 'slot-6', next: 'slot-7' });
    now = minutesLater(19); // 02:29, still the same slot
    expect(await listed()).toEqual({ now: 'slot-6', next: 'slot-7' });
    now = minutesLater(20); // 02:30, the next slot starts
    expect(await listed()).toEqual({ now: 'slot-7', next: 'slot-8' });
    now = NOW; // a clock moved back is answered afresh too
    expect(await listed()).toEqual({ now: 'slot-6', next: 'slot-7' });
  });

  it('has nothing on air after the last slot, and the first slot next before the timetable starts', async () => {
    now = minutesLater(4 * 60); // 06:10, an hour after the last slot ended
    expect(await listed()).toEqual({ now: undefined, next: undefined });
    const onAir = await getJson(api.url, '/v1/channels/ch-g1/now');
    expect(onAir.body).toMatchObject({ now: null, next: null, positionSeconds: 0 });
    now = minutesLater(-4 * 60); // 22:10 the day before
    expect(await listed()).toEqual({ now: undefined, next: 'slot-0' });
    now = NOW;
  });
});
