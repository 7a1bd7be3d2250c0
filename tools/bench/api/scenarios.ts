type FacetNode = { kind: string; id: string; name: { zh: string }; children: FacetNode[] };
export type Scenario = { name: string; paths: string[] };

const MAX_URLS = 2_000;

function facetPaths(nodes: FacetNode[], trail: Record<string, string> = {}): Record<string, string>[] {
  return nodes.flatMap((node) => {
    const next = { ...trail, [node.kind]: node.id };
    return node.children.length === 0 ? [next] : facetPaths(node.children, next);
  });
}

/**
 * The four loads of issue 2, each over many distinct URLs read from the API itself: the home document per
 * grade, facet-filtered lesson pages (first and second pages), single lessons, and pinyin-initials searches.
 */
export async function buildScenarios(base: string): Promise<Scenario[]> {
  const get = async (path: string) => (await fetch(`${base}${path}`)).json();
  const { tree } = (await get('/v1/facets')) as { tree: FacetNode[] };
  const filters = facetPaths(tree).slice(0, MAX_URLS / 2);
  const pages: string[] = [];
  const lessonIds: string[] = [];
  for (const filter of filters) {
    const path = `/v1/lessons?${new URLSearchParams({ ...filter, limit: '20' })}`;
    const page = (await get(path)) as { items: { id: string }[]; nextCursor: string | null };
    pages.push(path);
    if (page.nextCursor) pages.push(`${path}&cursor=${page.nextCursor}`);
    lessonIds.push(...page.items.map((item) => item.id));
  }
  const grades = facetPaths(tree).flatMap((trail) => (trail.grade ? [trail.grade] : []));
  const homes = [...new Set(grades)].map((grade) => `/v1/home?grade=${grade}`);
  const letters = 'bcdfghjklmnpqrstwxyz';
  const searches = [...letters].flatMap((first) =>
    [...letters].map((second) => `/v1/search?q=${first}${second}`),
  );
  return [
    { name: 'home document', paths: ['/v1/home', ...homes] },
    { name: 'facet-filtered lesson page', paths: pages },
    { name: 'one lesson', paths: lessonIds.slice(0, MAX_URLS).map((id) => `/v1/lessons/${id}`) },
    { name: 'pinyin-initials search', paths: searches },
  ];
}
