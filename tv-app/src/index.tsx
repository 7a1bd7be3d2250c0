// Renderer setup and routes only.
import { Config, createRenderer, loadFonts } from '@lightningtv/solid';
import { HashRouter } from '@lightningtv/solid/primitives';
import { Route } from '@solidjs/router';
import { hasModernApis, MODERN_APIS } from './boot/modern-apis.ts';
import { loadCarrierConfig, type AppConfig } from './config.ts';
import { memorySettings } from './device/memory-class.ts';
import { APP_FONTS } from './fonts.ts';
import { skipEmptyQuads } from './empty-quads.ts';
import { skipGlErrorRoundTrips } from './gl-error-checks.ts';
import { baseRendererOptions } from './renderer-options.ts';
import { exposeForTests } from './state/test-hooks.ts';
import { lazyPage } from './components/LazyPage.tsx';
import { App } from './pages/App.tsx';
import { flushHeartbeats } from './player/heartbeat-queue.ts';
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

function start(config: AppConfig): void {
  Config.throttleInput = config.keyRepeatMs;
  Config.fontSettings.fontFamily = FONT.family;
  Config.fontSettings.fontSize = FONT.body;
  Config.fontSettings.color = COLOR.text;
  Config.rendererOptions = baseRendererOptions(memorySettings(config.deviceProfile));

  const { render, renderer } = createRenderer();
  skipGlErrorRoundTrips(renderer, import.meta.env.PROD);
  skipEmptyQuads(renderer);
  loadFonts(APP_FONTS);
  // Exposed for the end-to-end tests and the benchmark (frame and idle events, memory figures).
  exposeForTests('renderer', renderer);
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
    </HashRouter>
  ));
}

// The modern bundle stands aside where the page's detector sent the engine to the legacy one (build/legacy-boot.ts).
if (import.meta.env.LEGACY || hasModernApis(window, MODERN_APIS)) void loadCarrierConfig().then(start);
