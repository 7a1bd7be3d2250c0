import type { CodecFamily } from '@ketang/catalog';
import { DEFAULT_LADDER, type Rung } from '@ketang/packager';

/**
 * The rungs of the asked heights for one family: a height in the family's standard ladder keeps its cap; one
 * below it (144p, 240p) gets the 360p cap scaled by its pixel count, at least 100 kbps.
 */
export function rungsAt(family: CodecFamily, heights: readonly number[]): Rung[] {
  const ladder = DEFAULT_LADDER[family];
  const base = ladder[0]!;
  // The family's tallest rung (8K only for 8K sources, which the planner decides) bounds what is asked.
  const tallest = Math.max(...ladder.map((rung) => rung.height).filter((height) => height < 4320));
  const asked = [...new Set(heights)].filter((height) => height <= tallest);
  return (asked.length > 0 ? asked : [tallest])
    .sort((a, b) => a - b)
    .map((height) => {
      const known = ladder.find((rung) => rung.height === height);
      if (known) return { ...known };
      const scaled = Math.round(base.maxrateKbps * (height / base.height) ** 2);
      return { height, maxrateKbps: Math.max(100, scaled) };
    });
}

export function ladderFor(families: readonly CodecFamily[], heights: readonly number[] | undefined) {
  if (!heights) return undefined;
  return Object.fromEntries(families.map((family) => [family, rungsAt(family, heights)]));
}
