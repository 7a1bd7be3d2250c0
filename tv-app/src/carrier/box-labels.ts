// What a playback event says about the box: its model and carrier, for the operators' QoE dashboards.
import { getConfig, type AppConfig } from '../config.ts';

// The contract's label (`deviceLabel` in device.schema.ts) narrowed to ASCII: the legacy ES5 bundle has no
// `\p{…}` classes, and a label the API would refuse must not cost the whole event.
const LABEL = /^[A-Za-z0-9 ._()+-]{1,64}$/;

const label = (value: string | undefined) => (value !== undefined && LABEL.test(value) ? value : undefined);

/** The box's model and carrier id when known and sendable; absent fields show as "unknown" on the dashboards. */
export function boxLabels(config: AppConfig = getConfig()): { deviceModel?: string; carrier?: string } {
  const deviceModel = label(config.deviceModel);
  const carrier = label(config.carrier?.id);
  return { ...(deviceModel ? { deviceModel } : {}), ...(carrier ? { carrier } : {}) };
}
