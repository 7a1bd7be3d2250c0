import { randomUUID } from 'node:crypto';
import type { Lesson } from '@ketang/catalog';
import type { LoadRequest, OnResponse } from '../shared/load.ts';
import type { GradeLessons } from './grade-lessons.ts';

/** A box of a household created through the API, with its child profile and what it is watching. */
export type Box = {
  token: string;
  gradeId: string;
  profileId: string;
  lessons: Lesson[];
  lessonIndex: number;
  positionSeconds: number;
};

const TICK_SECONDS = 30;
const CREATE_CONCURRENCY = 8;

const ATTEMPTS = 3;

/**
 * POSTs JSON; a connection reset is tried again (a kept-alive socket the API closed as it was reused, seen with
 * the API's multi-gigabyte heap pausing it; a household made twice is harmless here).
 */
async function postJson(url: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await postJsonOnce(url, body, token);
    } catch (error) {
      if (attempt >= ATTEMPTS || !(error instanceof TypeError)) throw error;
      console.error(`POST ${url}: ${String(error.cause ?? error)}; trying again`);
    }
  }
}

async function postJsonOnce(url: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/**
 * First starts through the real API (`POST /v1/households`, then a child profile of a grade taken in turn),
 * a few at a time. The API must allow that many first starts from 127.0.0.1
 * (`KETANG_HOUSEHOLD_CREATES_PER_HOUR`).
 */
export async function createBoxes(
  url: string,
  count: number,
  grades: readonly GradeLessons[],
): Promise<Box[]> {
  const boxes: Box[] = [];
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < count; index = next++) {
      const grade = grades[index % grades.length]!;
      const { token } = (await postJson(`${url}/v1/households`, { timeZone: 'Asia/Shanghai' })) as {
        token: string;
      };
      const profile = await postJson(
        `${url}/v1/household/profiles`,
        { kind: 'child', name: '小红', avatar: 'tiger', gradeId: grade.gradeId },
        token,
      );
      const lessons = grade.subjects.flat();
      boxes.push({
        token,
        gradeId: grade.gradeId,
        profileId: String(profile.id),
        lessons,
        lessonIndex: index % lessons.length,
        positionSeconds: 0,
      });
    }
  };
  await Promise.all(Array.from({ length: CREATE_CONCURRENCY }, worker));
  return boxes;
}

/** The next heartbeat of a box: a tick 30 s further on, or `ended` at the end (then the next lesson). */
function nextHeartbeat(box: Box, now: string) {
  const lesson = box.lessons[box.lessonIndex % box.lessons.length]!;
  const duration = lesson.durationSeconds || 2_400;
  box.positionSeconds = Math.min(duration, box.positionSeconds + TICK_SECONDS);
  const ended = box.positionSeconds >= duration;
  const heartbeat = {
    id: randomUUID(),
    profileId: box.profileId,
    lessonId: lesson.id,
    positionSeconds: box.positionSeconds,
    durationSeconds: duration,
    watchedSeconds: TICK_SECONDS,
    reason: ended ? 'ended' : 'tick',
    at: now,
  };
  if (ended) {
    box.lessonIndex += 1;
    box.positionSeconds = 0;
  }
  return heartbeat;
}

/**
 * The heartbeat load: each request a box's batch of 1–3 heartbeats (equally often: the usual tick, or a few
 * queued while the network was slow), boxes taken in turn so that keys spread over every household, profile and
 * lesson. Counts the heartbeats sent in requests answered 200 and those the answers acknowledged.
 */
export function heartbeatLoad(boxes: readonly Box[], random: () => number) {
  let next = 0;
  const totals = { sentInOk: 0, accepted: 0, duplicates: 0, failed: 0 };
  const build = (): LoadRequest => {
    const box = boxes[next % boxes.length]!;
    next += 1;
    const now = new Date().toISOString();
    const count = 1 + Math.floor(random() * 3);
    const heartbeats = Array.from({ length: count }, () => nextHeartbeat(box, now));
    return {
      method: 'POST',
      path: '/v1/household/heartbeats',
      headers: { authorization: `Bearer ${box.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ heartbeats }),
    };
  };
  const onResponse: OnResponse = (status, body, request) => {
    if (status !== 200) {
      if (totals.failed < 5) console.error(`heartbeats: answer ${status}: ${body.slice(0, 300)}`);
      totals.failed += 1;
      return;
    }
    const answer = JSON.parse(body) as { accepted: number; duplicates: number };
    totals.sentInOk += (JSON.parse(request.body!) as { heartbeats: unknown[] }).heartbeats.length;
    totals.accepted += answer.accepted;
    totals.duplicates += answer.duplicates;
  };
  return { build, onResponse, totals };
}
