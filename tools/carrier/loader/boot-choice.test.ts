import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ES5 for the loader page, without types
import { chooseBootVersion, compareVersions } from './boot-choice.js';

describe('the loader picks a version to boot', () => {
  it('orders semantic versions numerically, pre-releases first', () => {
    expect(['1.10.0', '1.2.0', '1.2.0-rc.1', '0.9.9'].sort(compareVersions)).toEqual([
      '0.9.9',
      '1.2.0-rc.1',
      '1.2.0',
      '1.10.0',
    ]);
  });

  it('tries the newest once, keeps it once good, and falls back to the last good one after a failed try', () => {
    const installed = ['2.1.0', '2.2.0'];
    const first = chooseBootVersion(installed, { good: '2.1.0' });
    expect(first).toEqual({ version: '2.2.0', state: { good: '2.1.0', trying: '2.2.0' } });
    // The app never marked 2.2.0 good (its home was not focused): the next boot goes back to 2.1.0.
    expect(chooseBootVersion(installed, first.state)).toEqual({
      version: '2.1.0',
      state: { good: '2.1.0', trying: '2.2.0', failed: '2.2.0' },
    });
    // Once the app marks 2.2.0 good, it stays.
    expect(chooseBootVersion(installed, { good: '2.2.0' })).toEqual({
      version: '2.2.0',
      state: { good: '2.2.0' },
    });
  });

  it('without a good version, falls back to the next older installed one; with one version, keeps it', () => {
    expect(chooseBootVersion(['1.0.0', '1.1.0'], { trying: '1.1.0' }).version).toBe('1.0.0');
    expect(chooseBootVersion(['1.0.0'], { trying: '1.0.0' }).version).toBe('1.0.0');
    expect(chooseBootVersion([], {})).toBeUndefined();
  });
});
