/** A `YYYY-MM-DD` date as day and month in the page's language (12月5日 / Dec 5). */
export function formatDayMonth(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}
