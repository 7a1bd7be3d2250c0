// The week report → what the stacked bar chart draws: one bar per day (Monday first), one stacked series per
// subject, in minutes. Decided here once; the chart and its accessible description only read this model.
import type { LocalizedText } from '../../shared/i18n/i18n.ts';
import type { WeekReport } from '../../shared/api/family-types.ts';
import { SERIES_COLORS } from '../../shared/theme/chart-palette.ts';

export type ChartSeries = { key: string; name: string; color: string; minutes: number[] };
export type WeekChartModel = {
  dayLabels: string[];
  series: ChartSeries[];
  totalMinutes: number;
};
export type ChartText = {
  locale: string;
  pickText: (text: LocalizedText) => string;
  /** The name of time outside textbook subjects (sections such as 课后服务). */
  otherSubject: string;
  subjectNames: ReadonlyMap<string, LocalizedText>;
};

const OTHER = '_other';

/** Minutes with one decimal: short sessions still show, and the axis stays in whole-ish numbers. */
export const toMinutes = (seconds: number) => Math.round(seconds / 6) / 10;

/** The short weekday of a `YYYY-MM-DD` date in the page's language (周一 / Mon). */
export function formatWeekday(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

function subjectOrder(report: WeekReport): Map<string, { seconds: number; name?: LocalizedText }> {
  const totals = new Map<string, { seconds: number; name?: LocalizedText }>();
  for (const day of report.days) {
    for (const entry of day.subjects) {
      const key = entry.subjectId ?? OTHER;
      const total = totals.get(key) ?? { seconds: 0, name: entry.name };
      total.seconds += entry.seconds;
      total.name ??= entry.name;
      totals.set(key, total);
    }
  }
  // Most watched first (the bottom of each stack); the catch-all last.
  return new Map(
    [...totals].sort(([a, x], [b, y]) => Number(a === OTHER) - Number(b === OTHER) || y.seconds - x.seconds),
  );
}

export function buildWeekChartModel(report: WeekReport, text: ChartText): WeekChartModel {
  const subjects = subjectOrder(report);
  const series = [...subjects].map(([key, subject], index): ChartSeries => {
    const known = subject.name ?? text.subjectNames.get(key);
    return {
      key,
      name: key === OTHER ? text.otherSubject : known ? text.pickText(known) : key,
      color: SERIES_COLORS[index % SERIES_COLORS.length]!,
      minutes: report.days.map((day) =>
        toMinutes(
          day.subjects
            .filter((entry) => (entry.subjectId ?? OTHER) === key)
            .reduce((sum, entry) => sum + entry.seconds, 0),
        ),
      ),
    };
  });
  return {
    dayLabels: report.days.map((day) => formatWeekday(day.date, text.locale)),
    series,
    totalMinutes: Math.round(report.totalSeconds / 60),
  };
}
