// Placeholder until the dashboards branch lands its page at this path (same export and props).
import { t } from '../../shared/i18n/i18n.ts';

export default function DashboardsPage(_props: { getJson: <T>(path: string) => Promise<T> }) {
  return (
    <section class="screen">
      <header class="screen-header">
        <h1>{t('console.nav.dashboards')}</h1>
      </header>
      <p class="empty">{t('console.dashboards.coming')}</p>
    </section>
  );
}
