// A household as a set-top box makes it, through the real family API (docs/family.md): first start, a child
// profile, heartbeats on several days of this week (the server's clock moved by shifted-clock.mjs; server time
// decides the day), and a phone link for the parent's phone page.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';

export const TIME_ZONE = 'Asia/Shanghai'; // UTC+8 all year: a local hour is a fixed UTC hour
const UTC_OFFSET_HOURS = 8;

type Named = { id: string; name: { zh: string; en?: string } };
export type LessonRef = { id: string; durationSeconds: number; subject?: Named; grade?: Named };
export type Controls = {
  dailyQuotaMinutes: number | null;
  breakEveryMinutes: number;
  breakMinutes: number;
  bedtime: { start: string; end: string } | null;
  allowList: { subjectIds: string[]; sectionIds: string[] } | null;
};
export type Profile = { id: string; name: string; controls: Controls };
export type WeekReport = {
  week: { start: string; end: string };
  days: {
    date: string;
    seconds: number;
    subjects: { subjectId: string | null; name?: Named['name']; seconds: number }[];
  }[];
  totalSeconds: number;
  completedLessons: { title: { zh: string } }[];
  streakDays: number;
  nextLessons: { title: { zh: string } }[];
};

export class FamilyClient {
  constructor(
    readonly apiUrl: string,
    readonly token: string,
  ) {}

  /** `headers`: more request headers (e.g. `X-Parental-Pin` for a parent-only write). */
  async call<T>(
    method: string,
    path: string,
    body?: unknown,
    expected = 200,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const response = await fetch(`${this.apiUrl}${path}`, {
      method,
      headers: {
        ...headers,
        Authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== expected) {
      throw new Error(`${method} ${path}: expected ${expected}, got ${response.status} ${text}`);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** First start of a box: a household in Shanghai time, and its credential. */
export async function startHousehold(apiUrl: string): Promise<FamilyClient> {
  const response = await fetch(`${apiUrl}/v1/households`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ timeZone: TIME_ZONE }),
  });
  if (response.status !== 201)
    throw new Error(`POST /v1/households: ${response.status} ${await response.text()}`);
  const created = (await response.json()) as { token: string };
  return new FamilyClient(apiUrl, created.token);
}

/** Demo lessons of `count` different subjects (textbook lessons carry their subject and grade). */
export async function lessonsOfSubjects(apiUrl: string, count: number): Promise<LessonRef[]> {
  const { items } = (await (await fetch(`${apiUrl}/v1/lessons?limit=100`)).json()) as { items: LessonRef[] };
  const bySubject = new Map<string, LessonRef>();
  for (const lesson of items)
    if (lesson.subject && !bySubject.has(lesson.subject.id)) bySubject.set(lesson.subject.id, lesson);
  const picked = [...bySubject.values()].slice(0, count);
  if (picked.length < count)
    throw new Error(`the demo catalogue has ${picked.length} subjects in its first lessons`);
  return picked;
}

/** `ended`: played to the end, which completes the lesson (docs/family.md). */
export function heartbeat(profileId: string, lesson: LessonRef, watchedSeconds: number, ended = false) {
  return {
    id: randomUUID(),
    profileId,
    lessonId: lesson.id,
    positionSeconds: ended ? lesson.durationSeconds : Math.min(watchedSeconds, lesson.durationSeconds),
    durationSeconds: lesson.durationSeconds,
    watchedSeconds,
    reason: ended ? ('ended' as const) : ('pause' as const),
    at: new Date().toISOString(),
  };
}

/** The household's local date now (YYYY-MM-DD). */
export function localToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(now);
}

export function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

export function mondayOf(date: string): string {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  return addDays(date, -weekday);
}

/** Milliseconds from now to 10:00 local time on `date`. */
export function offsetTo(date: string, hour = 10): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day, hour - UTC_OFFSET_HOURS) - Date.now();
}

/** Moves the API's clock, then waits until its answers show it (the preload re-reads the file). */
export async function shiftServerClock(
  family: FamilyClient,
  clockFile: string,
  profileId: string,
  offsetMs: number,
) {
  writeFileSync(clockFile, String(offsetMs));
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const usage = await family.call<{ serverTime: string }>(
      'GET',
      `/v1/household/profiles/${profileId}/usage`,
    );
    if (Math.abs(Date.parse(usage.serverTime) - (Date.now() + offsetMs)) < 5_000) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the API's clock did not move by ${offsetMs} ms`);
}
