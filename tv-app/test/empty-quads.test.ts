// The renderer patch that keeps empty containers and covered tile surfaces from being drawn, on a node class
// shaped like @lightningjs/renderer 2.23's CoreNode (the methods updateIsRenderable asks).
import { describe, expect, it } from 'vitest';
import { setSurfaceCovered, skipEmptyQuads } from '../src/empty-quads.ts';

const DEFAULT_SHADER = { name: 'default' };
const ROUNDED = { name: 'rounded' };

class FakeNode {
  stage = { defShaderCtr: DEFAULT_SHADER };
  updates: number[] = [];
  constructor(public props: { shader: unknown; color: number }) {}
  hasShader(): boolean {
    return this.props.shader !== null;
  }
  hasColorProperties(): boolean {
    return this.props.color !== 0;
  }
  setUpdateType(type: number): void {
    this.updates.push(type);
  }
}

describe('empty quads', () => {
  skipEmptyQuads({ root: new FakeNode({ shader: DEFAULT_SHADER, color: 0 }) });

  it('counts the default shader as none, a shader of its own (rounded corners) as one', () => {
    expect(new FakeNode({ shader: DEFAULT_SHADER, color: 0 }).hasShader()).toBe(false);
    expect(new FakeNode({ shader: ROUNDED, color: 0 }).hasShader()).toBe(true);
  });

  it('draws a covered surface neither by shader nor by colour, and again once uncovered', () => {
    const tile = new FakeNode({ shader: ROUNDED, color: 0x17304dff });
    const element = { lng: tile };
    setSurfaceCovered(element, true);
    expect(tile.hasShader()).toBe(false);
    expect(tile.hasColorProperties()).toBe(false);
    setSurfaceCovered(element, false);
    expect(tile.hasShader()).toBe(true);
    expect(tile.hasColorProperties()).toBe(true);
    // The renderer is asked to recompute renderability on each change, not on a repeat.
    setSurfaceCovered(element, false);
    expect(tile.updates).toEqual([1024, 1024]);
  });

  it('ignores an element not rendered yet', () => {
    expect(() => setSurfaceCovered({}, true)).not.toThrow();
  });
});
