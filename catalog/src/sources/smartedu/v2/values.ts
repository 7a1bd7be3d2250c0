/** Small conversions of the platform's scalar values. */

const ISO_DURATION =
  /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** `PT14M55S` → 895; undefined when the text is not an ISO-8601 duration of days, hours, minutes, seconds. */
export function parseIsoDuration(text: string | null | undefined): number | undefined {
  if (!text) return undefined;
  const match = ISO_DURATION.exec(text.trim());
  if (!match || text.trim() === 'P' || text.trim() === 'PT') return undefined;
  const [, days, hours, minutes, seconds] = match;
  const total =
    Number(days ?? 0) * 86_400 +
    Number(hours ?? 0) * 3_600 +
    Number(minutes ?? 0) * 60 +
    Number(seconds ?? 0);
  return Number.isFinite(total) ? total : undefined;
}

/** `2026-01-21T23:38:08.896+0800` → `2026-01-21T23:38:08.896+08:00`; undefined when not a date-time. */
const PLATFORM_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2}(?:\.\d+)?)([+-]\d{2}):?(\d{2})$/;

export function normalizeDateTime(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  const fast = PLATFORM_DATE_TIME.exec(text);
  if (fast) {
    const iso = `${fast[1]}T${fast[2]}${fast[3]}:${fast[4]}`;
    return Number.isNaN(Date.parse(iso)) ? undefined : iso;
  }
  const withColon = text
    .trim()
    .replace(' ', 'T')
    .replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const iso = /(Z|[+-]\d{2}:\d{2})$/.test(withColon) ? withColon : `${withColon}+08:00`;
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(iso) &&
    !Number.isNaN(Date.parse(iso))
    ? iso
    : undefined;
}

const HAS_WHITESPACE = /\s/;

/** Upstream URLs may hold spaces (file names); our URL schema forbids whitespace, so they are escaped. */
export function cleanUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  const trimmed = url.trim();
  if (!trimmed.startsWith('https://') && !trimmed.startsWith('http://') && !/^https?:\/\//i.test(trimmed)) {
    return undefined;
  }
  return HAS_WHITESPACE.test(trimmed)
    ? trimmed.replace(/\s/g, (space) => encodeURIComponent(space))
    : trimmed;
}

/** The later of two normalized date-times. */
export function laterDateTime(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}
