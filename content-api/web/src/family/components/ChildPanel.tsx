import { createMemo, createResource, lazy, Show } from 'solid-js';
import type { FacetNode, Profile } from '../../shared/api/family-types.ts';
import { locale, pickText, t } from '../../shared/i18n/i18n.ts';
import type { FamilyApi } from '../family-api.ts';
import { noteFailure } from '../session.ts';
import type { AllowListOptions } from '../view/catalogue-options.ts';
import { subjectNames } from '../view/catalogue-options.ts';
import { formatDayMonth } from '../view/format-date.ts';
import { buildWeekChartModel } from '../view/week-chart-model.ts';
import ControlsForm from './ControlsForm.tsx';
import NameForm from './NameForm.tsx';
import WeekLessons from './WeekLessons.tsx';
import WeekStats from './WeekStats.tsx';

// ECharts is most of the page's weight: the chart loads beside the rest, which shows at once.
const WeekChart = lazy(() => import('./WeekChart.tsx'));

type Props = {
  api: FamilyApi;
  profile: Profile;
  facets: readonly FacetNode[];
  options: AllowListOptions;
  onSaved: (profile: Profile) => void;
};

/** One child: the week report, then the rules and the name. Keyed by profile id in the page. */
export default function ChildPanel(props: Props) {
  const [report, { refetch }] = createResource(
    () => props.profile.id,
    (profileId) => props.api.weekReport(profileId),
  );
  const names = createMemo(() => subjectNames(props.facets));
  // Reading an errored resource throws: the view reads the report only once it is there.
  const loaded = () => (report.state === 'ready' ? report() : undefined);
  const model = createMemo(() => {
    const week = loaded();
    if (!week) return undefined;
    return buildWeekChartModel(week, {
      locale: locale(),
      pickText,
      otherSubject: t('family.subject.other'),
      subjectNames: names(),
    });
  });

  return (
    <div role="tabpanel" class="child-panel">
      <section class="card" data-testid="week-report">
        <h2>{t('family.week.title')}</h2>
        <Show when={report.error}>
          {(error) => (
            <p class="form-problem" role="alert">
              {noteFailure(error())}{' '}
              <button type="button" class="link" onClick={() => void refetch()}>
                {t('common.retry')}
              </button>
            </p>
          )}
        </Show>
        <Show when={report.loading}>
          <p class="muted">{t('common.loading')}</p>
        </Show>
        <Show when={loaded()}>
          {(week) => (
            <>
              <p class="muted" data-testid="week-range">
                {t('family.week.range', {
                  start: formatDayMonth(week().week.start, locale()),
                  end: formatDayMonth(week().week.end, locale()),
                })}
              </p>
              <WeekStats report={week()} totalMinutes={model()?.totalMinutes ?? 0} />
              <h3 class="subheading">{t('family.week.chartTitle')}</h3>
              <Show
                when={week().totalSeconds > 0 && model()}
                fallback={<p class="muted">{t('family.week.empty')}</p>}
              >
                {(chart) => <WeekChart model={chart()} title={t('family.week.chartTitle')} />}
              </Show>
              <WeekLessons report={week()} />
            </>
          )}
        </Show>
      </section>
      <ControlsForm api={props.api} profile={props.profile} options={props.options} onSaved={props.onSaved} />
      <NameForm api={props.api} profile={props.profile} onSaved={props.onSaved} />
    </div>
  );
}
