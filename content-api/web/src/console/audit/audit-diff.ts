// Before/after of an audit record as rows a person reads: one row per changed field path (`title.zh`),
// values shown as short JSON. Unchanged fields are left out.

export type DiffRow = { path: string; before?: string; after?: string };

function flatten(value: unknown, path: string, into: Map<string, string>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0 && path) into.set(path, '{}');
    for (const [key, child] of entries) flatten(child, path ? `${path}.${key}` : key, into);
    return;
  }
  if (value !== undefined) into.set(path || '·', JSON.stringify(value));
}

export function diffRows(before: unknown, after: unknown): DiffRow[] {
  const was = new Map<string, string>();
  const now = new Map<string, string>();
  flatten(before, '', was);
  flatten(after, '', now);
  const paths = [...new Set([...was.keys(), ...now.keys()])].sort();
  return paths
    .filter((path) => was.get(path) !== now.get(path))
    .map((path) => ({
      path,
      ...(was.has(path) ? { before: was.get(path) } : {}),
      ...(now.has(path) ? { after: now.get(path) } : {}),
    }));
}
