import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HomeSchema } from '../../src/schemas/home.schema.ts';
import type { RunningServer } from '../../src/server.ts';
import { buildFixtureCatalogue } from '../fixtures/catalogue.ts';
import { getJson, startApi } from '../support/api.ts';
import { embeddedBackend, mongoBackend, type Backend } from '../support/backends.ts';

const backends: Backend[] = [embeddedBackend, mongoBackend()];
const ids = (items: { id: string }[]) => items.map((item) => item.id);

describe.each(backends)('the home of stages, on the $name store', (backend) => {
  let api: RunningServer;

  beforeAll(async () => {
    api = await startApi(await backend.open(), buildFixtureCatalogue());
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await backend.shutdown();
  });

  it('gives each stage a featured rail of its own lessons, its subjects in turn, playable first', async () => {
    const home = HomeSchema.parse((await getJson(api.url, '/v1/home')).body);
    expect(ids(home.rails)).toEqual(['stage-primary', 'stage-senior', 'sections', 'channels']);
    const primary = home.rails[0]!;
    // l-shapes plays; then Chinese and mathematics take turns while both have lessons.
    expect(ids(primary.items as { id: string }[]).slice(0, 4)).toEqual([
      'l-shapes',
      'l-poem',
      'l-shapes-2',
      'l-add-10',
    ]);
    expect(primary.items).toHaveLength(20);
    expect(ids(home.rails[1]!.items as { id: string }[])).toEqual(['l-motion']);
  });

  it('answers a stage with its featured rail and a rail per subject', async () => {
    const home = HomeSchema.parse((await getJson(api.url, '/v1/home?stage=primary')).body);
    expect(ids(home.rails).slice(0, 3)).toEqual([
      'stage-primary',
      'stage-primary-subject-chinese',
      'stage-primary-subject-math',
    ]);
    expect(home.rails[1]).toMatchObject({ title: { zh: '语文', en: 'Chinese' }, items: [{ id: 'l-poem' }] });
    const math = ids(home.rails[2]!.items as { id: string }[]);
    expect(math[0]).toBe('l-shapes');
    expect(math).toContain('l-add-10');
  });
});
