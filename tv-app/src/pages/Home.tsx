// Home: navigation, a hero that follows focus, and virtualized rails: the active profile's today's lessons,
// then the catalogue. Without a profile yet, it sends the family to create or pick one.
import { Config, getRenderer } from '@lightningtv/solid';
import { Column, VirtualColumn } from '@lightningtv/solid/primitives';
import { useNavigate } from '@solidjs/router';
import { createEffect, createMemo, createResource, createSignal, onCleanup } from 'solid-js';
import { homeRails, todayRail, type TileModel } from '../api/formatters/tile.formatter.ts';
import { FRAMED_PREVIEW } from '../api/preview.ts';
import { fetchProfileHome } from '../api/providers/family.provider.ts';
import { fetchCatalogueHome } from '../api/providers/home.provider.ts';
import { afterFirstFocus, markFirstFocus } from '../boot/first-focus.ts';
import { markBootGood } from '../carrier/boot-mark.ts';
import { CarrierLogo } from '../components/CarrierLogo.tsx';
import { memorySettings } from '../device/memory-class.ts';
import { Hero } from '../components/Hero.tsx';
import { Loader } from '../components/Loader.tsx';
import { NavBar } from '../components/NavBar.tsx';
import { Rail, RAIL_HEIGHT } from '../components/Rail.tsx';
import { getConfig } from '../config.ts';
import { indexOrFirst, recallFocus, rememberFocus } from '../focus/focus-memory.ts';
import type { Warmer, WarmTarget } from '../home/warm-ahead.ts';
import { t } from '../i18n/i18n.ts';
import { takeHeldLink } from '../state/held-link.ts';
import { mayAskForProfile, resolveProfile } from '../state/profile.ts';
import { SIZE, SPACE } from '../theme/tokens.ts';

const ROUTE = '/';
const RAILS_Y = 420;
const VISIBLE_RAILS = 2;
const NAV_TO_RAILS_GAP = RAILS_Y - SPACE.screenY - SIZE.buttonHeight;
// The hero redraws three lines of CJK text into new textures: do it once focus rests, not on every step of a
// held key (a canvas text texture is the most expensive thing a focus move can cost a set-top box).
const HERO_SETTLE_MS = 250;

export default function Home() {
  const navigate = useNavigate();
  // Never resolves when the family must first create or pick a profile: that screen takes over.
  const [home, { refetch }] = createResource(async () => {
    // The console's live preview of a draft: the device home of a grade, no household or profile.
    if (FRAMED_PREVIEW)
      return {
        profile: undefined,
        home: { today: [], rails: (await fetchCatalogueHome(FRAMED_PREVIEW.grade)).rails },
      };
    const step = await resolveProfile(mayAskForProfile());
    // A deep link held until someone was watching opens now (Home stays behind it for Back).
    const held = step.kind === 'ready' ? takeHeldLink() : undefined;
    if (held) return void navigate(held);
    if (step.kind === 'ready') return { profile: step.profile, home: await fetchProfileHome(step.profile) };
    navigate(step.kind === 'create' ? '/profiles/new' : '/profiles', { replace: true });
    return undefined;
  });
  const rails = createMemo(() => {
    const found = home.state === 'ready' ? home() : undefined;
    if (!found) return [];
    const today = found.home.today.length
      ? [todayRail(found.home.today, t('home.today', { name: found.profile?.name ?? '' }))]
      : [];
    return [...today, ...homeRails(found.home.rails)];
  });
  const [heroTile, setHeroTile] = createSignal<TileModel>();
  // A tile has focus once the hero has one: this version boots to a focused home, so the loader may keep it.
  createEffect(() => {
    if (!heroTile()) return;
    markBootGood(getConfig().carrier?.version);
    markFirstFocus();
  });
  const spot = recallFocus(ROUTE);
  let heroTimer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(heroTimer));

  // What one focus move can bring on screen is drawn while focus rests, not in the frame that shows it. The
  // warmer's module loads after the first focused frame, which it cannot help (and legacy's first load is tight).
  let warmer: Warmer | undefined;
  let warmNear: ((railIndex: number, tile: TileModel) => void) | undefined;
  let isLeft = false;
  let lastFocus: { railIndex: number; tile: TileModel } | undefined;
  afterFirstFocus(() => {
    void import('../home/warm-ahead.ts').then(({ createWarmer, warmJobsNear }) => {
      if (isLeft) return;
      warmer = createWarmer(getRenderer() as unknown as WarmTarget, Config.fontSettings);
      warmNear = (railIndex, tile) => {
        const all = rails();
        const rail = all[railIndex];
        if (rail) warmer?.warm(warmJobsNear(all, railIndex, rail.tiles.indexOf(tile)));
      };
      if (lastFocus) warmNear(lastFocus.railIndex, lastFocus.tile);
    });
  });
  onCleanup(() => {
    isLeft = true;
    warmer?.warm([]); // leaving Home: what still waits is not wanted
  });

  const onTileFocus = (railId: string) => (tile: TileModel) => {
    clearTimeout(heroTimer);
    if (heroTile()) heroTimer = setTimeout(() => setHeroTile(tile), HERO_SETTLE_MS);
    else setHeroTile(tile);
    rememberFocus(ROUTE, { group: railId, item: tile.key });
    const railIndex = rails().findIndex((rail) => rail.id === railId);
    if (railIndex < 0) return;
    lastFocus = { railIndex, tile };
    warmNear?.(railIndex, tile);
  };

  return (
    <view width={SIZE.screenWidth} height={SIZE.screenHeight}>
      <Loader resource={home} retry={refetch}>
        {() => (
          <Column scroll="none" selected={1} autofocus y={SPACE.screenY} gap={NAV_TO_RAILS_GAP}>
            <NavBar />
            <view width={SIZE.screenWidth} height={SIZE.screenHeight - RAILS_Y} clipping forwardFocus={0}>
              <VirtualColumn
                y={SPACE.md}
                each={rails()}
                displaySize={VISIBLE_RAILS}
                bufferSize={memorySettings(getConfig().deviceProfile).railBuffer}
                gap={0}
                scroll="always"
                selected={indexOrFirst(
                  rails().map((rail) => rail.id),
                  spot.group,
                )}
              >
                {(rail) => (
                  <Rail
                    height={RAIL_HEIGHT}
                    rail={rail()}
                    selectedKey={rail().id === spot.group ? spot.item : undefined}
                    onTileFocus={onTileFocus(rail().id)}
                    onTileEnter={(tile) => navigate(tile.href)}
                  />
                )}
              </VirtualColumn>
            </view>
          </Column>
        )}
      </Loader>
      <Hero tile={heroTile()} y={150} />
      <CarrierLogo />
    </view>
  );
}
