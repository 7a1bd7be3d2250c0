import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { produceAtomically, writeFileAtomic } from './atomic-write.ts';
import { buildLessonEncodeArgs } from './lesson-encode.ts';
import type { LessonPlan } from './lesson-plan.ts';
import { LESSON_RECORD_FILE, LessonRecordSchema, type LessonRecord } from './lesson-record.ts';
import { synthesiseNarration, type SlideNarrationAudio } from './narration.ts';
import { CAPTION_LANGUAGES, FPS, SLIDE_TIMING, type NarrationLanguage } from './render-profile.ts';
import { runProcess } from './run-process.ts';
import { SLIDE_THEME } from './slide-theme.ts';
import { renderSlides } from './slide-render.ts';
import { buildTimeline, type LessonTimeline } from './timeline.ts';
import type { Toolchain } from './toolchain.ts';
import { durationOf, encodeWav, mixClipsOntoSilence } from './wav.ts';
import { formatWebVtt } from './webvtt.ts';

const VIDEO_FILE = 'video.mp4';
const captionFile = (language: NarrationLanguage) => `captions.${CAPTION_LANGUAGES[language]}.vtt`;

/** The lesson's record if its outputs are complete and were made from the same inputs; otherwise undefined. */
export async function readCurrentRecord(outDir: string, plan: LessonPlan): Promise<LessonRecord | undefined> {
  try {
    const json: unknown = JSON.parse(
      await readFile(join(outDir, plan.script.id, LESSON_RECORD_FILE), 'utf8'),
    );
    const record = LessonRecordSchema.parse(json);
    if (record.scriptHash !== plan.scriptHash) return undefined;
    const files = [record.file, ...record.captions.map((caption) => caption.file)];
    await Promise.all(files.map((file) => stat(join(outDir, file))));
    return record;
  } catch {
    return undefined;
  }
}

function buildTimelineFor(audio: readonly SlideNarrationAudio[]): LessonTimeline {
  const durations = audio.map((clips) => ({
    zh: durationOf(clips.zh),
    ...(clips.en ? { en: durationOf(clips.en) } : {}),
  }));
  return buildTimeline(durations, FPS, SLIDE_TIMING);
}

async function writeNarrationTrack(
  audio: readonly SlideNarrationAudio[],
  timeline: LessonTimeline,
  path: string,
) {
  const clips = timeline.clips.map((clip) => {
    const pcm = audio[clip.slideIndex]?.[clip.language];
    if (!pcm) throw new RangeError(`no ${clip.language} audio for slide ${clip.slideIndex}`);
    return { audio: pcm, startSeconds: clip.startSeconds };
  });
  const sampleRate = audio[0]?.zh.sampleRate ?? 22_050;
  await writeFile(path, encodeWav(mixClipsOntoSilence(clips, timeline.durationSeconds, sampleRate)));
}

/** Writes one WebVTT file per narration language present; returns the relative paths by language. */
async function writeCaptions(plan: LessonPlan, timeline: LessonTimeline, outDir: string) {
  const tracks: LessonRecord['captions'] = [];
  for (const language of ['zh', 'en'] as const) {
    const cues = timeline.clips
      .filter((clip) => clip.language === language)
      .map((clip) => ({
        startSeconds: clip.startSeconds,
        endSeconds: clip.startSeconds + clip.durationSeconds,
        text: plan.script.slides[clip.slideIndex]?.narration[language] ?? '',
      }));
    const file = `${plan.script.id}/${captionFile(language)}`;
    if (cues.length) {
      await writeFileAtomic(join(outDir, file), formatWebVtt(cues));
      tracks.push({ language: CAPTION_LANGUAGES[language], file });
    } else {
      await rm(join(outDir, file), { force: true }); // a stale track from an older script
    }
  }
  return tracks;
}

function toRecord(
  plan: LessonPlan,
  timeline: LessonTimeline,
  captions: LessonRecord['captions'],
): LessonRecord {
  const { script, profile } = plan;
  return {
    id: script.id,
    file: `${script.id}/${VIDEO_FILE}`,
    captions,
    durationSeconds: timeline.durationSeconds,
    resolution: { label: profile.label, width: profile.width, height: profile.height },
    fps: timeline.fps,
    videoCodec: 'h264',
    audioCodec: 'aac',
    subject: { id: script.subject, name: plan.subjectName },
    grade: { level: script.grade, name: plan.gradeName },
    title: script.title,
    scriptHash: plan.scriptHash,
  };
}

/**
 * Renders one lesson into `<outDir>/<id>/`: narration, slides, the MP4, captions, then lesson.json last, so
 * a lesson with a lesson.json is complete. Intermediate files live in a temporary folder removed afterwards.
 */
export async function generateLesson(
  plan: LessonPlan,
  outDir: string,
  toolchain: Toolchain,
): Promise<LessonRecord> {
  const lessonDir = join(outDir, plan.script.id);
  await mkdir(lessonDir, { recursive: true });
  await rm(join(lessonDir, LESSON_RECORD_FILE), { force: true });
  const workDir = await mkdtemp(join(tmpdir(), `ketang-demo-video-${plan.script.id}-`));
  try {
    const audio = await synthesiseNarration(
      plan.script.slides.map((slide) => slide.narration),
      workDir,
      toolchain,
    );
    const timeline = buildTimelineFor(audio);
    const narrationWav = join(workDir, 'narration.wav');
    await writeNarrationTrack(audio, timeline, narrationWav);
    const slidePngs = await renderSlides(plan, workDir, toolchain);
    await produceAtomically(join(lessonDir, VIDEO_FILE), async (outputMp4) => {
      const progressBarHeight = Math.round((SLIDE_THEME.progressHeight * plan.profile.height) / 1080);
      const args = buildLessonEncodeArgs({
        ...{ slidePngs, narrationWav, timeline, profile: plan.profile },
        ...{ accentColour: plan.accentColour, progressBarHeight, outputMp4 },
      });
      await runProcess(toolchain.ffmpeg, args);
    });
    const record = toRecord(plan, timeline, await writeCaptions(plan, timeline, outDir));
    await writeFileAtomic(join(lessonDir, LESSON_RECORD_FILE), JSON.stringify(record, null, 2) + '\n');
    return record;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
