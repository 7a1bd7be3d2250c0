/** Bounds on what one import may be: a term's timetable for one channel fits far inside them. */
export const TIMETABLE_LIMITS = {
  /** The raw upload: larger is refused with 413 before any parser sees it. */
  maxFileBytes: 5 * 1024 * 1024,
  /** Data rows (the header not counted): a year of 5 lessons a day. */
  maxRows: 2000,
  /** An .xlsx is a zip: what its entries may inflate to, together, before exceljs is handed it (a year of
   * one channel, 2,000 rows, inflates to under 1 MB; exceljs holds the whole sheet in memory). */
  maxUnzippedBytes: 20 * 1024 * 1024,
  maxZipEntries: 500,
} as const;

export const MEBIBYTE = 1024 * 1024;
