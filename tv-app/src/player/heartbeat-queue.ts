// Heartbeats waiting to reach the server, kept in localStorage: a heartbeat is queued before it is sent
// and dropped only once the server has it, so a box offline, or reloaded mid-request, sends it later
// (each has its own id: the server counts a heartbeat sent twice once).
import { ApiError } from '../api/client.ts';
import type { Heartbeat } from '../api/family-types.ts';
import { sendHeartbeats } from '../api/providers/family.provider.ts';
import { readStoredJson, writeStored } from '../state/storage.ts';
import { recordUsage } from '../state/usage.ts';

const STORAGE_KEY = 'ketang.heartbeats';
const MAX_QUEUED = 500; // about 2.7 hours of playing at one heartbeat per 20 s
const BATCH = 50; // the API's batch limit
const RETRY_MS = 30_000;

let sending: Promise<void> | undefined;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

export function queuedHeartbeats(): Heartbeat[] {
  const stored = readStoredJson<Heartbeat[]>(STORAGE_KEY);
  return Array.isArray(stored) ? stored : [];
}

function writeQueue(queue: Heartbeat[]): void {
  writeStored(STORAGE_KEY, JSON.stringify(queue.slice(-MAX_QUEUED)));
}

function dropSent(ids: ReadonlySet<string>): void {
  writeQueue(queuedHeartbeats().filter((heartbeat) => !ids.has(heartbeat.id)));
}

async function sendQueued(): Promise<void> {
  for (let queue = queuedHeartbeats(); queue.length > 0; queue = queuedHeartbeats()) {
    const batch = queue.slice(0, BATCH);
    try {
      const answer = await sendHeartbeats(batch);
      recordUsage(answer.usage);
    } catch (error) {
      // The server refused them (not a network failure): re-sending would be refused again.
      if (!(error instanceof ApiError) || error.status === 401) throw error;
    }
    dropSent(new Set(batch.map((heartbeat) => heartbeat.id)));
  }
}

/** Sends what is queued (one send at a time); on failure, tries again later. Never rejects. */
export function flushHeartbeats(): Promise<void> {
  clearTimeout(retryTimer);
  sending ??= sendQueued()
    .catch(() => {
      retryTimer = setTimeout(() => void flushHeartbeats(), RETRY_MS);
    })
    .finally(() => {
      sending = undefined;
    });
  return sending;
}

export function queueHeartbeat(heartbeat: Heartbeat): Promise<void> {
  writeQueue([...queuedHeartbeats(), heartbeat]);
  return flushHeartbeats();
}
