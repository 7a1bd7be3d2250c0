// The console's shell: sign-in when there is no session, else the role's navigation and the routed screen.
// Rarely used screens are lazy chunks, so the first load stays small.
import { createEffect, lazy, Match, Show, Switch } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { t } from '../shared/i18n/i18n.ts';
import CarrierPicker from './components/CarrierPicker.tsx';
import NavBar from './components/NavBar.tsx';
import SignInPage from './pages/SignInPage.tsx';
import ChannelsPage from './pages/ChannelsPage.tsx';
import { screensFor, type Screen } from './roles.ts';
import { navigate, route } from './route.ts';
import { session } from './session.ts';
import { downloadBlob, getJson } from './api/client.ts';

const LAZY_SCREENS = {
  releases: lazy(() => import('./pages/ReleasesPage.tsx')),
  catalogue: lazy(() => import('./pages/CataloguePage.tsx')),
  packaging: lazy(() => import('./packaging/PackagingPage.tsx')),
  sync: lazy(() => import('./pages/SyncPage.tsx')),
  audit: lazy(() => import('./pages/AuditPage.tsx')),
  operators: lazy(() => import('./pages/OperatorsPage.tsx')),
  week: lazy(() => import('./week/WeekPage.tsx')),
  layouts: lazy(() => import('./layouts/LayoutsPage.tsx')),
} as const;
/** The screens whose drafts are per carrier: they read the top bar's carrier (scope.ts). */
const CARRIER_SCREENS: ReadonlySet<Screen> = new Set(['channels', 'releases', 'layouts']);
const DashboardsPage = lazy(() => import('./dashboards/DashboardsPage.tsx'));

export default function ConsoleApp() {
  const allowed = () => {
    const current = session();
    return current ? screensFor(current.role) : [];
  };
  const screen = (): Screen | null => {
    const wanted = route().screen;
    return wanted && allowed().includes(wanted) ? wanted : null;
  };
  // An unknown or not-offered place lands on the role's first screen.
  createEffect(() => {
    if (session() && !screen() && allowed().length > 0) navigate(allowed()[0]!);
  });

  return (
    <Show when={session()} fallback={<SignInPage />}>
      <div class="console">
        <NavBar screens={allowed()} current={screen()} />
        <main class="console-main">
          {/* Channels, releases and home layouts are per carrier; the catalogue's curation is per region. */}
          <Show when={CARRIER_SCREENS.has(screen()!)}>
            <header class="console-topbar">
              <CarrierPicker />
            </header>
          </Show>
          <Switch fallback={<p class="muted">{t('common.loading')}</p>}>
            <Match when={screen() === 'channels' && route().id}>
              <Dynamic component={LAZY_SCREENS.week} channelId={route().id!} />
            </Match>
            <Match when={screen() === 'channels'}>
              <ChannelsPage />
            </Match>
            <Match when={screen() === 'dashboards'}>
              <DashboardsPage getJson={getJson} getFile={downloadBlob} />
            </Match>
            <Match when={screen()}>
              {(current) => (
                <Dynamic component={LAZY_SCREENS[current() as Exclude<Screen, 'channels' | 'dashboards'>]} />
              )}
            </Match>
          </Switch>
        </main>
      </div>
    </Show>
  );
}
