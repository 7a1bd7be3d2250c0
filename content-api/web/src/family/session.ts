// Whether this tab's phone link still works. A 401 anywhere ends the session: the page then asks for a scan.
import { createSignal } from 'solid-js';
import { ApiError } from '../shared/api/http.ts';
import { t } from '../shared/i18n/i18n.ts';
import { forgetPhoneLink } from './phone-link.ts';

const [isExpired, setExpired] = createSignal(false);
export { isExpired };

export function endSession(): void {
  forgetPhoneLink();
  setExpired(true);
}

/** A message for the parent about a failed call; a refused credential ends the session instead. */
export function noteFailure(error: unknown): string {
  if (error instanceof ApiError && error.isUnauthorized) {
    endSession();
    return '';
  }
  if (error instanceof ApiError && error.code === 'network') return t('common.error.network');
  return t('common.error.generic', { message: error instanceof Error ? error.message : String(error) });
}
