// Types for the @lightningjs/sdk modules the RDK adapter deep-imports (the SDK ships JavaScript only).
declare module '@lightningjs/sdk/src/Settings/index.js' {
  const Settings: { get(type: string, key: string, fallback?: unknown): unknown };
  export default Settings;
  export function initSettings(appSettings: object, platformSettings: object): void;
}
declare module '@lightningjs/sdk/src/Log/index.js' {
  const Log: Record<'info' | 'warn' | 'error' | 'debug', (...args: unknown[]) => void>;
  export default Log;
}
declare module '@lightningjs/sdk/src/Storage/index.js' {
  const Storage: {
    get(key: string): unknown;
    set(key: string, value: unknown): boolean;
    remove(key: string): void;
  };
  export default Storage;
  export function initStorage(): void;
}
declare module '@metrological/sdk/src/LightningSdkPlugins/index.js' {
  export const initLightningSdkPlugin: { settings: unknown; log: unknown };
}
declare module '@metrological/sdk/src/Profile/index.js' {
  const Profile: Record<'uid' | 'household' | 'countryCode' | 'city', () => Promise<unknown>>;
  export default Profile;
  export function initProfile(config: object): void;
}
declare module '@metrological/sdk/src/Metrics/index.js' {
  const Metrics: {
    media(url: string): Record<'play' | 'pause' | 'waiting' | 'ended', () => void> & {
      error(message: string, code: string, params?: object): void;
      event(name: string, params?: object): void;
    };
  };
  export default Metrics;
  export function initMetrics(config: object): void;
}
declare module '@metrological/sdk/src/Pin/index.js' {
  const Pin: { submit(pin: string, context?: string): Promise<boolean> };
  export default Pin;
  export function initPin(config: object): void;
}
