// Renderer setup and routes only.
import { CanvasTextRenderer } from '@lightningjs/renderer/canvas';
import { Config, createRenderer, loadFonts } from '@lightningtv/solid';
import { HashRouter } from '@lightningtv/solid/primitives';
import { Route } from '@solidjs/router';
import type { AppConfig } from './config.ts';
import { afterFirstFocus } from './boot/first-focus.ts';
import { hideBootScreen } from './carrier/boot-screen.ts';
import { memorySettings } from './device/memory-class.ts';
import { APP_FONTS } from './fonts.ts';
import { skipEmptyQuads } from './empty-quads.ts';
import { skipGlErrorRoundTrips } from './gl-error-checks.ts';
import { shareTextTextures } from './text/shared-text-textures.ts';
import { baseRendererOptions } from './renderer-options.ts';
import { exposeForTests } from './state/test-hooks.ts';
import { lazyPage } from './components/LazyPage.tsx';
import { App } from './pages/App.tsx';
import { flushHeartbeats } from './player/heartbeat-queue.ts';
import { wirePlatform, withPlatformKeys } from './platform/index.ts';
import type { Platform } from './platform/types.ts';
import { activeProfile } from './state/profile.ts';
import { restorePreview } from './api/preview.ts';
import Home from './pages/Home.tsx';
import { COLOR, FONT } from './theme/tokens.ts';

const Browse = lazyPage(() => import('./pages/Browse.tsx'));
const Lesson = lazyPage(() => import('./pages/Lesson.tsx'));
const Section = lazyPage(() => import('./pages/Section.tsx'));
const Player = lazyPage(() => import('./pages/Player.tsx'));
const Channels = lazyPage(() => import('./pages/Channels.tsx'));
const Search = lazyPage(() => import('./pages/Search.tsx'));
const Settings = lazyPage(() => import('./pages/Settings.tsx'));
const Profiles = lazyPage(() => import('./pages/Profiles.tsx'));
const ProfileCreate = lazyPage(() => import('./pages/ProfileCreate.tsx'));
const Activation = lazyPage(() => import('./pages/Activation.tsx'));

/** Starts the renderer and the routes; main.ts calls it once the carrier's configuration is applied. */
export function start(config: AppConfig): void {
  Config.throttleInput = config.keyRepeatMs;
  Config.fontSettings.fontFamily = FONT.family;
  Config.fontSettings.fontSize = FONT.body;
  Config.fontSettings.color = COLOR.text;
  Config.rendererOptions = baseRendererOptions(memorySettings(config.deviceProfile));

  const { render, renderer } = createRenderer();
  skipGlErrorRoundTrips(renderer, import.meta.env.PROD);
  skipEmptyQuads(renderer);
  shareTextTextures(CanvasTextRenderer);
  loadFonts(APP_FONTS);
  // Exposed for the end-to-end tests and the benchmark (frame and idle events, memory figures).
  exposeForTests('renderer', renderer);
  renderer.once('idle', hideBootScreen);
  // Heartbeats a previous run could not send (offline, or reloaded mid-request) go first.
  void flushHeartbeats();

  render(() => (
    <HashRouter root={App}>
      <Route path="/" component={Home} />
      <Route path="/browse" component={Browse} />
      <Route path="/lesson/:id" component={Lesson} />
      <Route path="/section/:id" component={Section} />
      <Route path="/play/:id" component={Player} />
      <Route path="/channels" component={Channels} />
      <Route path="/channels/:id" component={Channels} />
      <Route path="/search" component={Search} />
      <Route path="/settings" component={Settings} />
      <Route path="/profiles" component={Profiles} />
      <Route path="/profiles/new" component={ProfileCreate} />
      <Route path="/activate" component={Activation} />
    </HashRouter>
  ));
}

/**
 * Boots on the box's platform (docs/platform.md; main.ts loaded its adapter): its remote keys, then the app and
 * the prefetch.
 */
export function boot(config: AppConfig, platform: Platform): void {
  config.keyMap = withPlatformKeys(config.keyMap, platform);
  exposeForTests('platform', platform);
  restorePreview();
  start(config);
  void wirePlatform(platform);
  // The prefetch runs at night: its chunk need not load (nor count in the first load) before the home.
  afterFirstFocus(() => {
    void import('./prefetch/schedule.ts').then(({ schedulePrefetch }) =>
      exposeForTests(
        'prefetchNow',
        schedulePrefetch(config.prefetch, () => activeProfile()?.gradeId),
      ),
    );
  });
}
