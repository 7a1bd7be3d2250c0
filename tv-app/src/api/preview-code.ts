// A draft preview (docs/console.md "Home layouts"): the console's live preview opens the app with
// `?preview=<pairing code>&grade=<grade id>`; every API request then carries the code (`X-Ketang-Preview`) and
// Home shows the device home of that grade as the draft composes it, without a household or profile.
// Read once at start; a box without these parameters is unchanged.

const params = new URLSearchParams(globalThis.location?.search ?? '');
const code = params.get('preview');
const grade = params.get('grade');

export const PREVIEW: { code: string; grade?: string } | undefined =
  code && /^\d{6}$/.test(code) ? { code, ...(grade ? { grade } : {}) } : undefined;
