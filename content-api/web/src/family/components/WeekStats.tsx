import type { WeekReport } from '../../shared/api/family-types.ts';
import { t } from '../../shared/i18n/i18n.ts';

type Props = { report: WeekReport; totalMinutes: number };

/** The week in three numbers: minutes, lessons completed, days in a row. */
export default function WeekStats(props: Props) {
  return (
    <dl class="stats" data-testid="week-stats">
      <div class="stats__item">
        <dt>{t('family.week.minutes')}</dt>
        <dd data-testid="stat-minutes">{props.totalMinutes}</dd>
      </div>
      <div class="stats__item">
        <dt>{t('family.week.completed')}</dt>
        <dd data-testid="stat-completed">{props.report.completedLessons.length}</dd>
      </div>
      <div class="stats__item">
        <dt>{t('family.week.streak')}</dt>
        <dd data-testid="stat-streak">{props.report.streakDays}</dd>
      </div>
    </dl>
  );
}
