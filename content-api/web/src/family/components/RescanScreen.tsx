import { t } from '../../shared/i18n/i18n.ts';

/** Shown for a missing, expired or refused phone link: the only way on is a fresh QR code. */
export default function RescanScreen() {
  return (
    <section class="rescan" role="alert" data-testid="rescan">
      <div class="rescan__icon" aria-hidden="true">
        <svg viewBox="0 0 48 48" width="72" height="72">
          <path
            d="M6 6h14v14H6zM28 6h14v14H28zM6 28h14v14H6z"
            fill="none"
            stroke="currentColor"
            stroke-width="3"
          />
          <path
            d="M11 11h4v4h-4zM33 11h4v4h-4zM11 33h4v4h-4zM28 28h5v5h-5zM37 28h5v5h-5zM28 37h5v5h-5zM37 37h5v5h-5z"
            fill="currentColor"
          />
        </svg>
      </div>
      <h1>{t('family.rescan.title')}</h1>
      <p>{t('family.rescan.body')}</p>
      <p>{t('family.rescan.howTo')}</p>
    </section>
  );
}
