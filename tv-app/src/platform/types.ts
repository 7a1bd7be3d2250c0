// One interface for what the box's platform provides (docs/platform.md). Each implementation lives in its own
// lazily loaded chunk (index.ts), so a plain browser never downloads the RDK, Firebolt, Tizen or webOS code.
import type { KeyAction, KeyBinding } from '../focus/key-map.ts';

export const PLATFORM_NAMES = ['browser', 'rdk', 'firebolt', 'tizen', 'webos'] as const;
export type PlatformName = (typeof PLATFORM_NAMES)[number];

/** What the platform knows about the box; household and region only where the platform holds them. */
export type DeviceInfo = { deviceId: string; householdId?: string; region?: string };

/** Synchronous key/value storage: the app reads its settings before the first frame. */
export type PlatformStorage = {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
};

/** Playback and quality-of-experience events the app reports; the platform forwards what it can. */
export type PlaybackMetric =
  | { type: 'start' | 'play' | 'pause' | 'waiting' | 'ended'; lessonId: string }
  | { type: 'progress'; lessonId: string; positionSeconds: number }
  | { type: 'rendition'; lessonId: string; bandwidth: number; height: number }
  | { type: 'error'; lessonId: string; code: string; message: string };

export type LifecycleState = 'foreground' | 'background' | 'closing';

export type Unsubscribe = () => void;

export type Platform = {
  readonly name: PlatformName;
  device(): Promise<DeviceInfo>;
  /** A parental PIN the platform holds (RDK); undefined → the app's own household PIN. */
  readonly parentalPin?: { check(pin: string): Promise<boolean> };
  readonly storage: PlatformStorage;
  sendMetric(metric: PlaybackMetric): void;
  /** The link the app was launched with (`lesson/<id>`, `channel/<id>`, `play/<id>`), if any. */
  launchLink(): Promise<string | undefined>;
  /** Links that arrive while the app runs. */
  onLink(listener: (link: string) => void): Unsubscribe;
  onLifecycle(listener: (state: LifecycleState) => void): Unsubscribe;
  /** Tells the platform the first screen is up (Firebolt's Lifecycle.ready). */
  ready(): void;
  /** Leaves the app the platform's way (Back on the home screen). */
  close(): void;
  /** The platform remote's codes, added to the carrier's key map (focus/key-map.ts). */
  readonly keyCodes: Partial<Record<KeyAction, KeyBinding[]>>;
};
