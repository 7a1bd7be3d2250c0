import { describe, expect, it } from 'vitest';
import { readTokenFromHash } from './phone-link.ts';

describe('phone link from the fragment', () => {
  it('reads t= from the fragment', () => {
    expect(readTokenFromHash('#t=pl.eyJoIjoiaCJ9.c2ln')).toBe('pl.eyJoIjoiaCJ9.c2ln');
    expect(readTokenFromHash('#lang=en&t=abc')).toBe('abc');
  });

  it('answers null when there is none', () => {
    expect(readTokenFromHash('')).toBeNull();
    expect(readTokenFromHash('#')).toBeNull();
    expect(readTokenFromHash('#t=')).toBeNull();
  });
});
