import { t } from '../../i18n/i18n.ts';

/** A lesson length for people: "45 分钟", "1 小时 5 分钟". */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  if (seconds < 60) return t('format.seconds', { seconds });
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return t('format.minutes', { minutes });
  return t('format.hoursMinutes', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/** A player clock: "4:05", "1:02:03". */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(Number.isFinite(totalSeconds) ? totalSeconds : 0));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** "08:30" in the channel's time zone (the EPG is the channel's day, not the box's). */
export function formatTimeOfDay(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '--:--';
  return new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone,
  }).format(date);
}
