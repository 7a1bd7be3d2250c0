// The browser's deep link (`?link=lesson/<id>`), read without `URL.searchParams` (Chrome 51), which the legacy
// bundle does not polyfill (build/legacy-polyfills.ts).
import { describe, expect, it } from 'vitest';
import { linkFromUrl } from '../src/platform/web-platform.ts';

describe('linkFromUrl', () => {
  it('reads the link from the query, decoded', () => {
    expect(linkFromUrl('http://box.local/app/?link=lesson%2Fabc&x=1#/home')).toBe('lesson/abc');
  });

  it('is undefined without a link or for a URL it cannot parse', () => {
    expect(linkFromUrl('http://box.local/app/?x=1')).toBeUndefined();
    expect(linkFromUrl('not a url')).toBeUndefined();
  });
});
