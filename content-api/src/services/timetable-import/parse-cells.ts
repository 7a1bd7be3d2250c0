import type { SheetCell } from './sheet-rows.ts';

const DAY_SECONDS = 24 * 3600;
/** Excel counts days from 1899-12-30 (its 1900 leap-year bug folded in). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const TIME_TEXT = /^(\d{1,2})\s*[:：]\s*(\d{2})(?:\s*[:：]\s*(\d{2}))?$/;

const pad = (value: number) => String(value).padStart(2, '0');

function toIsoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  const isReal =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return isReal && year >= 2000 && year <= 2100 ? `${year}-${pad(month)}-${pad(day)}` : undefined;
}

/**
 * A day written as a bureau writes it (2026-09-01, 2026/9/1, 2026年9月1日), an Excel date cell (exceljs
 * reads those as UTC midnight) or an Excel day number → `YYYY-MM-DD`; anything else → undefined.
 */
export function parseDateCell(cell: SheetCell): string | undefined {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return undefined;
    return toIsoDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell)) return undefined;
    return parseDateCell(new Date(EXCEL_EPOCH_MS + cell * DAY_SECONDS * 1000));
  }
  const match = DATE_TEXT.exec(String(cell ?? '').trim());
  return match ? toIsoDate(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
}

/**
 * A time of day (8:00, 08:00:00, an Excel time cell or day fraction) → seconds since midnight; 24:00 only
 * where `isEndOfDayAllowed` (an end). Anything else → undefined.
 */
export function parseTimeCell(cell: SheetCell, isEndOfDayAllowed = false): number | undefined {
  let seconds: number | undefined;
  if (cell instanceof Date) {
    seconds = Number.isNaN(cell.getTime())
      ? undefined
      : cell.getUTCHours() * 3600 + cell.getUTCMinutes() * 60 + cell.getUTCSeconds();
  } else if (typeof cell === 'number') {
    seconds = cell >= 0 && cell <= 1 ? Math.round(cell * DAY_SECONDS) : undefined;
  } else {
    const match = TIME_TEXT.exec(String(cell ?? '').trim());
    const [hours, minutes, secs] = match ? [1, 2, 3].map((group) => Number(match[group] ?? 0)) : [];
    if (match && minutes! < 60 && secs! < 60) seconds = hours! * 3600 + minutes! * 60 + secs!;
  }
  if (seconds === undefined) return undefined;
  return seconds < DAY_SECONDS || (isEndOfDayAllowed && seconds === DAY_SECONDS) ? seconds : undefined;
}

/** `08:00` (seconds shown only when there are any), for messages and the dry run. */
export function formatTime(seconds: number): string {
  const text = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}`;
  return seconds % 60 === 0 ? text : `${text}:${pad(seconds % 60)}`;
}
