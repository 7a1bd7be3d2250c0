import { splitCaptionLines } from './text-layout.ts';

export interface CaptionCue {
  startSeconds: number;
  endSeconds: number;
  text: string;
}

/** Caption lines of at most ~16 Chinese characters (or ~29 Latin ones) read comfortably on a TV. */
const CAPTION_LINE_EM = 16;

/** `HH:MM:SS.mmm`, the WebVTT timestamp form. */
export function formatVttTimestamp(seconds: number): string {
  const totalMs = Math.round(seconds * 1000);
  const hours = Math.floor(totalMs / 3_600_000);
  const minutes = Math.floor(totalMs / 60_000) % 60;
  const secs = Math.floor(totalMs / 1000) % 60;
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(hours)}:${pad(minutes)}:${pad(secs)}.${pad(totalMs % 1000, 3)}`;
}

function escapeCueText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A WebVTT document with one numbered cue per narration clip, wrapped to caption-sized lines. */
export function formatWebVtt(cues: readonly CaptionCue[]): string {
  const blocks = cues.map((cue, index) =>
    [
      String(index + 1),
      `${formatVttTimestamp(cue.startSeconds)} --> ${formatVttTimestamp(cue.endSeconds)}`,
      ...splitCaptionLines(cue.text, CAPTION_LINE_EM).map(escapeCueText),
    ].join('\n'),
  );
  return ['WEBVTT', ...blocks].join('\n\n') + '\n';
}
