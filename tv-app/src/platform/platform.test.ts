import { describe, expect, it } from 'vitest';
import { DEFAULT_KEY_MAP, resolveKeyAction } from '../focus/key-map.ts';
import { createTizenPlatform } from './tizen.ts';
import { routeOfLink } from './deep-link.ts';
import { detectPlatform } from './detect.ts';
import { intentLink } from './firebolt.ts';
import { withPlatformKeys } from './index.ts';

describe('platform detection', () => {
  it('prefers carrier.json, then the platform globals, else browser', () => {
    expect(detectPlatform({ tizen: {} }, 'webos')).toBe('webos');
    expect(detectPlatform({ tizen: {} })).toBe('tizen');
    expect(detectPlatform({ PalmSystem: {} })).toBe('webos');
    expect(detectPlatform({ __firebolt: {} })).toBe('firebolt');
    expect(detectPlatform({ __platformSettings: {} })).toBe('rdk');
    expect(detectPlatform({})).toBe('browser');
  });
});

describe('deep links', () => {
  it('maps lesson, play and channel links to routes and ignores the rest', () => {
    expect(routeOfLink('lesson/l-1')).toBe('/lesson/l-1');
    expect(routeOfLink('ketang://play/l-1')).toBe('/play/l-1');
    expect(routeOfLink('#/channel/ch-g1')).toBe('/channels/ch-g1');
    expect(routeOfLink('javascript:alert(1)')).toBeUndefined();
    expect(routeOfLink('lesson/../../x')).toBeUndefined();
  });

  it('reads Firebolt navigation intents', () => {
    expect(intentLink({ action: 'playback', data: { entityId: 'l-1' } })).toBe('play/l-1');
    expect(intentLink({ action: 'entity', data: { entityId: 'ch', entityType: 'channel' } })).toBe(
      'channel/ch',
    );
    expect(intentLink({ action: 'entity', data: { entityId: 'l-2' } })).toBe('lesson/l-2');
    expect(intentLink({ action: 'home' })).toBeUndefined();
  });
});

describe('platform key codes', () => {
  it("adds a Tizen remote's registered codes to the key map", () => {
    const registered: string[] = [];
    // A stand-in for the TV's tizen.tvinputdevice (no Tizen device here): codes as a Samsung remote reports them.
    const codes: Record<string, number> = { MediaPlayPause: 10252, ColorF3Blue: 406, '1': 49 };
    const platform = createTizenPlatform({
      tvinputdevice: {
        registerKey: (name) => void registered.push(name),
        getKey: (name) => (codes[name] ? { name, code: codes[name] } : null),
      },
    });
    expect(registered).toContain('MediaPlayPause');
    const keyMap = withPlatformKeys(DEFAULT_KEY_MAP, platform);
    expect(resolveKeyAction(keyMap, { keyCode: 10252 })).toBe('PlayPause');
    expect(resolveKeyAction(keyMap, { keyCode: 10009 })).toBe('Back');
    // The defaults stay.
    expect(resolveKeyAction(keyMap, { key: 'MediaPlayPause' })).toBe('PlayPause');
  });
});
