// The operators' dashboards (docs/dashboards.md): quality of experience, learning, and a county at a glance,
// over a date range with filters, as charts and tables of k-anonymous cells, exportable as CSV.
import type { CountyDashboard, LearningDashboard, QoeDashboard } from '@ketang/contract';
import { createResource, createSignal, For, lazy, Match, Show, Suspense, Switch } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { FacetNode } from '../api/catalogue-reads.ts';
import CellTable from './CellTable.tsx';
import { countyCharts, learningCharts, qoeCharts } from './chart-models.ts';
import type { ChartModel } from './DashboardChart.tsx';
import DashboardFilterBar from './DashboardFilterBar.tsx';
import {
  csvPath,
  dashboardPath,
  defaultRange,
  LEARNING_METRICS,
  QOE_METRICS,
  type DashboardFilters,
  type Tab,
} from './dashboard-view.ts';
import { dt } from './dashboards-i18n.ts';
import './dashboards.css';
import { keyNamer, rawKeys, type CarrierName, type KeyNamer } from './key-names.ts';

// ECharts is loaded only when a chart is drawn.
const DashboardChart = lazy(() => import('./DashboardChart.tsx'));
const TABS: Tab[] = ['qoe', 'learning', 'county'];

type Answer = QoeDashboard | LearningDashboard | CountyDashboard;

function download(name: string, file: Blob): void {
  const url = URL.createObjectURL(file);
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

function Charts(props: { models: ChartModel[] }) {
  return (
    <div class="dashboard-charts">
      <Suspense fallback={<p>{dt('loading')}</p>}>
        <For each={props.models}>{(model) => <DashboardChart model={model} />}</For>
      </Suspense>
    </div>
  );
}

export default function DashboardsPage(props: {
  getJson: <T>(path: string) => Promise<T>;
  /** A file the API writes (the CSV export), fetched with the session's token. */
  getFile: (path: string) => Promise<Blob>;
}) {
  const [tab, setTab] = createSignal<Tab>('qoe');
  const [filters, setFilters] = createStore<DashboardFilters>({
    ...defaultRange(new Date()),
    region: '',
    carrier: '',
    model: '',
    county: '',
    qoeGroupBy: 'day',
    learningGroupBy: 'day',
  });
  const path = () => dashboardPath(tab(), filters);
  const [answer] = createResource(
    () => path() ?? undefined,
    (source) => props.getJson<Answer>(source),
  );
  // Facet and carrier names for the cells' keys; a role that may not list carriers still sees their ids.
  const [names] = createResource(
    () => filters.region.trim(),
    async (region) => {
      const [facets, carriers] = await Promise.all([
        props.getJson<{ tree: FacetNode[] }>(
          `/v1/facets${region ? `?region=${encodeURIComponent(region)}` : ''}`,
        ),
        props.getJson<{ items: CarrierName[] }>('/v1/operator/carriers').catch(() => ({ items: [] })),
      ]);
      return keyNamer(facets.tree, carriers.items);
    },
  );
  const exportCsv = async () => {
    const source = path();
    if (!source || !answer()) return;
    download(`dashboard-${tab()}-${filters.from}-${filters.to}.csv`, await props.getFile(csvPath(source)));
  };

  return (
    <section class="dashboards" data-testid="dashboards">
      <h1>{dt('title')}</h1>
      <div role="tablist" class="dashboard-tabs">
        <For each={TABS}>
          {(name) => (
            <button role="tab" aria-selected={tab() === name} onClick={() => setTab(name)}>
              {dt(`tab.${name}`)}
            </button>
          )}
        </For>
      </div>
      <DashboardFilterBar
        tab={tab()}
        filters={filters}
        onChange={(field, value) => setFilters(field, value)}
        onExport={exportCsv}
        canExport={Boolean(answer()) && !answer.error}
      />
      <p class="dashboard-k-note">{dt('kNote', { k: 10 })}</p>
      <Show when={path()} fallback={<p>{dt('countyNeeded')}</p>}>
        <Switch>
          <Match when={answer.error as unknown}>
            {(error) => (
              <p role="alert">{dt('error', { message: String((error() as Error).message ?? error()) })}</p>
            )}
          </Match>
          <Match when={answer.loading && !answer.latest}>
            <p>{dt('loading')}</p>
          </Match>
          <Match when={answer.latest}>
            {(shown) => <DashboardAnswer tab={tab()} answer={shown()} names={names.latest ?? rawKeys} />}
          </Match>
        </Switch>
      </Show>
    </section>
  );
}

/** No cell at all (nothing reported, or every cell under k): one sentence instead of empty axes. */
function isEmpty(answer: Answer): boolean {
  return ('byDay' in answer ? answer.byDay : answer).cells.length === 0;
}

function DashboardAnswer(props: { tab: Tab; answer: Answer; names: KeyNamer }) {
  return (
    <Switch>
      <Match when={isEmpty(props.answer)}>
        <p class="dashboard-empty" role="status">
          {dt('empty')}
        </p>
      </Match>
      <Match when={'byDay' in props.answer && (props.answer as CountyDashboard)}>
        {(county) => (
          <>
            <Charts models={countyCharts(county(), props.names)} />
            <CellTable names={props.names} answer={county().bySubject} metrics={LEARNING_METRICS} />
            <CellTable names={props.names} answer={county().byGrade} metrics={LEARNING_METRICS} />
          </>
        )}
      </Match>
      <Match when={props.tab === 'qoe' && 'cells' in props.answer && (props.answer as QoeDashboard)}>
        {(qoe) => (
          <>
            <Charts models={qoeCharts(qoe(), props.names)} />
            <CellTable names={props.names} answer={qoe()} metrics={QOE_METRICS} />
          </>
        )}
      </Match>
      <Match when={'cells' in props.answer && (props.answer as LearningDashboard)}>
        {(learning) => (
          <>
            <Charts models={learningCharts(learning(), props.names)} />
            <CellTable names={props.names} answer={learning()} metrics={LEARNING_METRICS} />
          </>
        )}
      </Match>
    </Switch>
  );
}
