// One place that turns an API refusal into words for the operator.
import { t } from '../../shared/i18n/i18n.ts';
import { ApiError } from '../../shared/api/http.ts';

export function errorText(error: unknown): string {
  if (!(error instanceof ApiError)) return t('common.error.generic', { message: String(error) });
  if (error.code === 'network') return t('common.error.network');
  if (error.code === 'account_locked') return t('console.error.locked');
  if (error.status === 429) return t('console.error.tooManyTries');
  if (error.status === 401) return t('console.error.unauthorized');
  if (error.status === 403) return t('console.error.forbidden');
  return t('common.error.generic', { message: error.message });
}

/** The API's `details` of a 400: `{ path, message }` per invalid field. */
export function detailsOf(error: unknown): { path: string; message: string }[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return error.details.filter(
    (detail): detail is { path: string; message: string } =>
      typeof detail === 'object' && detail !== null && 'path' in detail && 'message' in detail,
  );
}
