// The one wrapper around Shaka Player: load, play, seek, captions, speed, quality, stats, destroy.
// Loaded on demand (dynamic import) so the home screen's JavaScript stays small. It plays what the API
// decided: our packaged assets with the shared player of Shaka's DASH-only build (preload-manager.ts),
// licensed HLS with Shaka's full build (hls-engine.ts); each build is imported only when it is the one.
import type shaka from 'shaka-player/dist/shaka-player.dash.js';
import type { Playback } from '../api/types.ts';
import type { CodecFamily, DeviceProfile } from '../config.ts';
import type { PlaybackCapability } from './capabilities.ts';
import { familyOfCodec } from './codec-family.ts';
import { toPlaybackStats } from './stats.ts';

export const CAPTION_SIZES = ['small', 'medium', 'large'] as const;
export type CaptionSize = (typeof CAPTION_SIZES)[number];

export type VariantInfo = { codecFamily: CodecFamily | undefined; height: number; bandwidth: number };

const HLS_MIME_TYPE = 'application/x-mpegurl';

export class LessonPlayer {
  capability: PlaybackCapability | undefined;
  private loadStartedAt = 0;
  timeToFirstFrameMs: number | undefined;

  private constructor(
    readonly video: HTMLVideoElement,
    private readonly player: shaka.Player,
    private readonly playback: Playback,
  ) {
    video.addEventListener('playing', () => {
      if (this.timeToFirstFrameMs === undefined)
        this.timeToFirstFrameMs = Math.round(performance.now() - this.loadStartedAt);
    });
  }

  /** A player for what the API decided this box plays. */
  static async create(video: HTMLVideoElement, playback: Playback): Promise<LessonPlayer> {
    if (playback.type === 'packaged') {
      const { sharedPlayer } = await import('./preload-manager.ts');
      return new LessonPlayer(video, sharedPlayer(), playback);
    }
    const { hlsPlayer } = await import('./hls-engine.ts');
    return new LessonPlayer(video, hlsPlayer() as unknown as shaka.Player, playback);
  }

  private readonly listeners: [string, (event: Event) => void][] = [];

  private listen(type: string, listener: (event: Event) => void): void {
    this.listeners.push([type, listener]);
    this.player.addEventListener(type, listener as never);
  }

  async load(profile: DeviceProfile, startAt = 0): Promise<void> {
    this.loadStartedAt = performance.now();
    const playback = this.playback;
    const start = startAt > 0 ? startAt : null;
    if (playback.type === 'packaged') {
      const { configureFor, takePreloaded } = await import('./preload-manager.ts');
      const preloaded = await takePreloaded(playback.dashUrl);
      this.capability = await configureFor(playback, profile);
      await this.player.attach(this.video);
      await this.player.load(preloaded ?? playback.dashUrl, start);
    } else {
      const { configureForHls } = await import('./hls-engine.ts');
      this.capability = await configureForHls(playback, profile);
      await this.player.attach(this.video);
      await this.player.load(playback.url, start, HLS_MIME_TYPE);
    }
    await this.video.play().catch(() => undefined);
  }

  activeVariant(): VariantInfo | undefined {
    const track = this.player.getVariantTracks().find((t) => t.active);
    if (!track) return undefined;
    return {
      codecFamily: familyOfCodec(track.videoCodec),
      height: track.height ?? 0,
      bandwidth: track.bandwidth,
    };
  }

  heights(): number[] {
    const heights = this.player.getVariantTracks().map((t) => t.height ?? 0);
    return [...new Set(heights)].filter((h) => h > 0).sort((a, b) => a - b);
  }

  /** 0 = automatic (ABR); otherwise pin the rung of that height. */
  selectHeight(height: number): void {
    if (height === 0) {
      this.player.configure({ abr: { enabled: true } });
      return;
    }
    const track = this.player.getVariantTracks().find((t) => t.height === height);
    if (!track) return;
    this.player.configure({ abr: { enabled: false } });
    this.player.selectVariantTrack(track, true);
  }

  activeHeight(): number {
    return this.activeVariant()?.height ?? 0;
  }

  captionLanguages(): string[] {
    return this.player.getTextTracks().map((t) => t.language);
  }

  setCaptions(language: string | undefined): void {
    const track = this.player.getTextTracks().find((t) => t.language === language);
    this.player.selectTextTrack(track ?? null);
  }

  activeCaptionLanguage(): string | undefined {
    return this.player.getTextTracks().find((t) => t.active)?.language;
  }

  /** Caption size through the native cue styles (see styles.css): small, medium or large. */
  setCaptionSize(size: CaptionSize): void {
    this.video.classList.remove(...CAPTION_SIZES.map((s) => `captions-${s}`));
    this.video.classList.add(`captions-${size}`);
  }

  stats() {
    return toPlaybackStats(this.player.getStats(), this.capability?.codecFamily, this.timeToFirstFrameMs);
  }

  onError(listener: (message: string) => void): void {
    this.listen('error', (event) => {
      const detail = (event as unknown as { detail?: { code?: number } }).detail;
      listener(`shaka_error_${detail?.code ?? 'unknown'}`);
    });
  }

  onBuffering(listener: (isBuffering: boolean) => void): void {
    this.listen('buffering', (event) => listener((event as unknown as { buffering: boolean }).buffering));
  }

  /** Leaves the shared player unloaded and detached (ready to preload the next lesson). */
  async destroy(): Promise<void> {
    this.listeners.forEach(([type, listener]) => this.player.removeEventListener(type, listener));
    await this.player.unload().catch(() => undefined);
    await this.player.detach().catch(() => undefined);
  }
}
