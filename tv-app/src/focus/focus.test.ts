import { describe, expect, it } from 'vitest';
import { indexOrFirst, recallFocus, rememberFocus } from './focus-memory.ts';
import { isAttached } from './focus-guard.ts';

type Node = { parent?: Node; children: Node[] };
function tree() {
  const root: Node = { children: [] };
  const rail: Node = { parent: root, children: [] };
  const tile: Node = { parent: rail, children: [] };
  root.children.push(rail);
  rail.children.push(tile);
  return { root, rail, tile };
}

describe('focus memory', () => {
  it('remembers the rail and tile per screen and finds them again by key', () => {
    rememberFocus('/', { group: 'grade', item: 'lesson:l-math-3' });
    const spot = recallFocus('/');
    expect(spot).toEqual({ group: 'grade', item: 'lesson:l-math-3' });
    expect(indexOrFirst(['lesson:l-math-1', 'lesson:l-math-3'], spot.item)).toBe(1);
    expect(recallFocus('/search')).toEqual({});
  });

  it('lands on the first item when the remembered one is gone', () => {
    expect(indexOrFirst(['a', 'b'], 'gone')).toBe(0);
    expect(indexOrFirst(['a', 'b'], undefined)).toBe(0);
  });
});

describe('focus guard', () => {
  it('sees a node in the tree as attached', () => {
    const { root, tile } = tree();
    expect(isAttached(tile, root)).toBe(true);
  });

  it('sees a removed node as detached even though it keeps its parent pointer', () => {
    const { root, rail, tile } = tree();
    rail.children.splice(0, 1);
    expect(tile.parent).toBe(rail);
    expect(isAttached(tile, root)).toBe(false);
    expect(isAttached(undefined, root)).toBe(false);
  });
});
