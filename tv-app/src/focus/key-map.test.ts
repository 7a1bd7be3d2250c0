import { describe, expect, it } from 'vitest';
import { DEFAULT_KEY_MAP, mergeKeyMap, resolveKeyAction } from './key-map.ts';

describe('key map', () => {
  it('maps every Back a remote sends: Backspace, Escape, webOS 461, Tizen 10009', () => {
    expect(resolveKeyAction(DEFAULT_KEY_MAP, { key: 'Backspace' })).toBe('Back');
    expect(resolveKeyAction(DEFAULT_KEY_MAP, { key: 'Escape' })).toBe('Back');
    expect(resolveKeyAction(DEFAULT_KEY_MAP, { key: 'Unidentified', keyCode: 461 })).toBe('Back');
    expect(resolveKeyAction(DEFAULT_KEY_MAP, { keyCode: 10009 })).toBe('Back');
  });

  it('maps arrows, OK, media keys and digits by name and by code', () => {
    expect(resolveKeyAction(DEFAULT_KEY_MAP, { key: 'ArrowLeft' })).toBe('Left');
    expect(resolveKeyAction(DEFAULT_KEY_MAP, { keyCode: 13 })).toBe('Enter');
    expect(resolveKeyAction(DEFAULT_KEY_MAP, { keyCode: 415 })).toBe('Play');
    expect(resolveKeyAction(DEFAULT_KEY_MAP, { key: 'MediaFastForward' })).toBe('FastForward');
    expect(resolveKeyAction(DEFAULT_KEY_MAP, { key: '7' })).toBe('Digit7');
    expect(resolveKeyAction(DEFAULT_KEY_MAP, { key: 'Unidentified', keyCode: 406 })).toBe('Profiles');
    expect(resolveKeyAction(DEFAULT_KEY_MAP, { key: 'p' })).toBe('Profiles');
    expect(resolveKeyAction(DEFAULT_KEY_MAP, { key: 'q', keyCode: 81 })).toBeUndefined();
  });

  it('lets a carrier replace one action and keeps the others', () => {
    const merged = mergeKeyMap(DEFAULT_KEY_MAP, { Back: [8, 'XF86Back'] });
    expect(resolveKeyAction(merged, { key: 'XF86Back' })).toBe('Back');
    expect(resolveKeyAction(merged, { key: 'Escape' })).toBeUndefined();
    expect(merged.Left).toEqual(DEFAULT_KEY_MAP.Left);
  });

  it('rejects unknown actions and bad bindings with the field named', () => {
    expect(() => mergeKeyMap(DEFAULT_KEY_MAP, { Jump: ['j'] })).toThrow(/keyMap\.Jump: unknown action/);
    expect(() => mergeKeyMap(DEFAULT_KEY_MAP, { Back: 'Escape' })).toThrow(/keyMap\.Back: expected a list/);
    expect(() => mergeKeyMap(DEFAULT_KEY_MAP, { Back: [1.5] })).toThrow(/keyMap\.Back/);
  });
});
