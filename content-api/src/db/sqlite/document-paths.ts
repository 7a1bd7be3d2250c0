/** Reading and writing dotted paths of plain JSON documents, the way MongoDB reads them. */

type Json = unknown;

/**
 * The scalar values reached through an array on a dotted path (`videos.assetId` over `videos: [{assetId}]`,
 * or `placement.unitIds` holding an array): what MongoDB matches element by element. Empty when the path
 * crosses no array — then json_extract alone reads the value.
 */
export function arrayValuesOnPath(doc: Json, path: string): (string | number)[] {
  const values: (string | number)[] = [];
  const walk = (node: Json, segments: readonly string[], isInArray: boolean): void => {
    if (Array.isArray(node)) {
      for (const element of node) walk(element, segments, true);
      return;
    }
    if (segments.length === 0) {
      if (isInArray && (typeof node === 'string' || typeof node === 'number')) values.push(node);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    walk((node as Record<string, Json>)[segments[0]!], segments.slice(1), isInArray);
  };
  walk(doc, path.split('.'), false);
  return values;
}

export function setPath(doc: Record<string, Json>, path: string, value: Json): void {
  const segments = path.split('.');
  let node: Record<string, Json> = doc;
  for (const segment of segments.slice(0, -1)) {
    const next = node[segment];
    if (typeof next !== 'object' || next === null) node[segment] = {};
    node = node[segment] as Record<string, Json>;
  }
  node[segments.at(-1)!] = value;
}

export function unsetPath(doc: Record<string, Json>, path: string): void {
  const segments = path.split('.');
  let node: Json = doc;
  for (const segment of segments.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return;
    node = (node as Record<string, Json>)[segment];
  }
  if (typeof node === 'object' && node !== null) delete (node as Record<string, Json>)[segments.at(-1)!];
}
