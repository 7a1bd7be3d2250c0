import { describe, expect, it } from 'vitest';
import { KeyedLock } from './keyed-lock.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('KeyedLock', () => {
  it('runs read-modify-writes of one key one after another, so none is lost', async () => {
    const lock = new KeyedLock();
    let value = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        lock.run(['p1'], async () => {
          const read = value;
          await tick();
          value = read + 1;
        }),
      ),
    );
    expect(value).toBe(20);
  });

  it('lets different keys run together, and takes several keys without deadlock', async () => {
    const lock = new KeyedLock();
    const order: string[] = [];
    await Promise.all([
      lock.run(['a', 'b'], async () => {
        await tick();
        order.push('ab');
      }),
      lock.run(['b', 'a'], async () => {
        order.push('ba');
      }),
      lock.run(['c'], async () => {
        order.push('c');
      }),
    ]);
    expect(order).toEqual(['c', 'ab', 'ba']);
  });

  it('releases the key when the work throws', async () => {
    const lock = new KeyedLock();
    await expect(lock.run(['k'], () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await lock.run(['k'], async () => 'next')).toBe('next');
  });
});
