/**
 * Whether a stored record already equals the one a sync would write. Key order and keys holding `undefined`
 * do not matter (stores drop them), so both sides are compared in a canonical JSON form.
 */
export function isSameRecord(stored: unknown, next: unknown): boolean {
  if (stored === undefined || stored === null) return false;
  return canonicalJson(stored) === canonicalJson(next);
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, child: unknown) => {
    if (child === null || typeof child !== 'object' || Array.isArray(child)) return child;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(child).sort()) {
      if (key !== '_id') sorted[key] = (child as Record<string, unknown>)[key];
    }
    return sorted;
  });
}
