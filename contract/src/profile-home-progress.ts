// Zod-free (the TV bundle imports it): the one way a child's home's tile progress reaches its tiles.
import type { Rail } from './schemas/home.schema.ts';
import type { ProfileHome } from './schemas/profile-home.schema.ts';

/** The home with each lesson tile of its rails carrying the child's progress from `progress`. */
export function withTileProgress(home: ProfileHome): ProfileHome {
  const rails = home.rails.map((rail): Rail => {
    if (rail.kind !== 'lessons') return rail;
    const items = rail.items.map((item) => {
      const progress = home.progress[item.id];
      return progress ? { ...item, progress } : item;
    });
    return { ...rail, items };
  });
  return { ...home, rails };
}
