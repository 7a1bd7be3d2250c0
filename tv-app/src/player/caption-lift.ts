// Keeps native captions clear of the controls panel: while the panel shows, cues sit `lines` lines above
// the bottom (WebVTT cue.line, negative = from the bottom); otherwise where the cue file put them.
export type CueLine = number | 'auto';

/** Lines to lift cues so they clear a bottom panel of `panelFraction` of the picture's height. */
export function linesAbovePanel(panelFraction: number, videoHeightPx: number, cueFontPx: number): number {
  const lineHeightPx = cueFontPx * 1.25;
  return -(Math.ceil((panelFraction * videoHeightPx) / lineHeightPx) + 1);
}

function applyLine(track: TextTrack, line: CueLine): void {
  let moved = false;
  for (const cue of Array.from(track.cues ?? [])) {
    if ('line' in cue && (cue as VTTCue).line !== line) {
      (cue as VTTCue).line = line;
      moved = true;
    }
  }
  // Chromium keeps a cue on screen where it first laid it out (its old box also pushes the new one up), so a
  // cue lowered to 'auto' stayed at two thirds of the picture. Hiding and showing the track lays it out again.
  if (moved && track.mode === 'showing') {
    track.mode = 'hidden';
    track.mode = 'showing';
  }
}

/** Applies `line()` to every cue now and to cues that arrive later; `apply` re-places them after a change. */
export function followCueLine(
  video: HTMLVideoElement,
  line: () => CueLine,
): { apply: () => void; stop: () => void } {
  const applyAll = () => {
    for (const track of Array.from(video.textTracks)) applyLine(track, line());
  };
  const tracks: TextTrack[] = [];
  const watch = () => {
    for (const track of Array.from(video.textTracks)) {
      if (tracks.includes(track)) continue;
      tracks.push(track);
      track.addEventListener('cuechange', applyAll);
    }
    applyAll();
  };
  video.textTracks.addEventListener('addtrack', watch);
  watch();
  return {
    apply: applyAll,
    stop: () => {
      tracks.forEach((track) => track.removeEventListener('cuechange', applyAll));
      video.textTracks.removeEventListener('addtrack', watch);
    },
  };
}
