import { describe, expect, it } from 'vitest';
import { parseRoute, placeOf } from './route.ts';

describe('console route', () => {
  it('reads the screen, the id and the carrier from the fragment, and writes them back', () => {
    expect(parseRoute('#/releases?carrier=jx-telecom')).toEqual({
      screen: 'releases',
      carrier: 'jx-telecom',
    });
    expect(parseRoute('#/channels/ch%201')).toEqual({ screen: 'channels', id: 'ch 1' });
    expect(parseRoute('#/releases?carrier=all')).toEqual({ screen: 'releases' });
    expect(parseRoute('#/releases?carrier=Bad!')).toEqual({ screen: 'releases' });
    expect(placeOf({ screen: 'channels', id: 'ch 1', carrier: 'cmcc' })).toBe(
      '#/channels/ch%201?carrier=cmcc',
    );
    expect(placeOf({ screen: 'releases', carrier: 'all' })).toBe('#/releases');
  });
});
