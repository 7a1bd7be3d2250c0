// Where a lesson resumes for a profile: where it was left (its progress on the server, after the heartbeats
// this box still holds have reached it), unless it was finished or barely started.
import { fetchLessonProgress } from '../api/providers/family.provider.ts';
import { flushHeartbeats } from './heartbeat-queue.ts';

const MIN_RESUME_S = 3;
const END_MARGIN_S = 5;

export function resumeFrom(
  progress: {
    positionSeconds: number;
    durationSeconds: number;
    completed: boolean;
  } | null,
): number {
  if (!progress || progress.completed) return 0;
  const { positionSeconds, durationSeconds } = progress;
  if (positionSeconds < MIN_RESUME_S) return 0;
  if (durationSeconds > 0 && positionSeconds > durationSeconds - END_MARGIN_S) return 0;
  return positionSeconds;
}

/** Never fails: without the server's answer, the lesson starts from the beginning. */
export async function resumePosition(profileId: string, lessonId: string): Promise<number> {
  await flushHeartbeats();
  return fetchLessonProgress(profileId, lessonId)
    .then(resumeFrom)
    .catch(() => 0);
}
