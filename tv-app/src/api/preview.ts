// The one place the box holds an operator's draft-preview code (docs/carrier.md, "Previewing a draft"): entered
// in Settings (or, for the console's live preview, a `?preview=` URL parameter). While it holds one, device reads
// send `X-Ketang-Preview` and a banner says so, until it is cleared or expires.
import { createSignal } from 'solid-js';
import { readStoredJson, writeStored } from '../state/storage.ts';

/** The API's codes: six digits (services/releases/preview.service.ts), typed with the number keys. */
export const PREVIEW_CODE_LENGTH = 6;
const PREVIEW_CODE = /^\d{6}$/;
/** A code lives 15 minutes from when the operator made it: the box holds it no longer than that from entry. */
export const PREVIEW_TTL_MS = 15 * 60_000;
export const PREVIEW_HEADER = 'X-Ketang-Preview';
const STORAGE_KEY = 'ketang.preview';

export type Preview = { code: string; expiresAt: number };

export function isPreviewCode(code: string): boolean {
  return PREVIEW_CODE.test(code);
}

/** Region ids ("national", "jx") and carrier ids, as the console writes them; anything else is left out.
 * Above FRAMED_PREVIEW: it is read while the module starts. */
const SCOPE_ID = /^[a-z][a-z0-9-]{1,39}$/;

/**
 * The console's live preview (docs/console.md "Home layouts") frames the app with `?preview=<code>&grade=<grade
 * id>&region=<region>[&carrier=<carrier>]`: Home then shows that grade's device home as the draft composes it
 * for a box of that region and carrier (none: a box of no carrier), with no household or profile. Held for this
 * page only and never stored, since the frame shares the TV origin's storage with the box's own app.
 */
export type FramedPreview = { code: string; grade?: string; region?: string; carrier?: string };
export const FRAMED_PREVIEW: FramedPreview | undefined = framedPreview(globalThis.location?.search ?? '');

export function framedPreview(search: string): FramedPreview | undefined {
  const params = new URLSearchParams(search);
  const code = params.get('preview');
  if (!code || !isPreviewCode(code)) return undefined;
  const [grade, region, carrier] = ['grade', 'region', 'carrier'].map((name) => params.get(name));
  return {
    code,
    ...(grade ? { grade } : {}),
    ...(region && SCOPE_ID.test(region) ? { region } : {}),
    ...(carrier && SCOPE_ID.test(carrier) ? { carrier } : {}),
  };
}

const [held, setHeld] = createSignal<Preview | undefined>();
let expiry: ReturnType<typeof setTimeout> | undefined;

function hold(preview: Preview | undefined): void {
  clearTimeout(expiry);
  setHeld(preview);
  writeStored(STORAGE_KEY, preview ? JSON.stringify(preview) : '');
  if (preview) expiry = setTimeout(() => hold(undefined), Math.max(0, preview.expiresAt - Date.now()));
}

/** The code being previewed, while it lasts (a signal: the banner follows it). */
export function activePreview(): Preview | undefined {
  const preview = held();
  return preview && preview.expiresAt > Date.now() ? preview : undefined;
}

/** Starts previewing with `code`; throws naming the code when it is not six digits. */
export function startPreview(code: string, now = Date.now()): Preview {
  if (!isPreviewCode(code)) throw new Error(`preview code: expected ${PREVIEW_CODE_LENGTH} digits`);
  const preview = { code, expiresAt: now + PREVIEW_TTL_MS };
  hold(preview);
  return preview;
}

export function clearPreview(): void {
  hold(undefined);
}

/** The header device reads send while previewing; none otherwise. */
export function previewHeaders(): Record<string, string> {
  const code = FRAMED_PREVIEW?.code ?? activePreview()?.code;
  return code ? { [PREVIEW_HEADER]: code } : {};
}

/** At boot: a preview kept across a restart, while it lasts. */
export function restorePreview(): void {
  const stored = readStoredJson<Preview>(STORAGE_KEY);
  if (stored && isPreviewCode(stored.code) && stored.expiresAt > Date.now()) hold(stored);
}
