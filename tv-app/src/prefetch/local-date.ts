/** YYYY-MM-DD of a local day (the box's time zone: "tomorrow" and the night window are the family's). */
export function localDate(day: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}
