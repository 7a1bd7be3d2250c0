import type { Express } from 'express';
import { factsOf, type RouteFacts } from './route-facts.ts';

/** One method on one path the app routes, with the facts of every middleware that runs before its handler. */
export type RouteEntry = { method: string; path: string; facts: RouteFacts[] };

/** The parts of express's router (the `router` package) read here. */
type Layer = {
  rawPath?: string | RegExp | (string | RegExp)[];
  handle?: { stack?: Layer[] };
  route?: { path: string; methods: Record<string, boolean>; stack: Layer[] };
};

type Mounted = { prefixes: string[]; facts: RouteFacts };

const join = (prefix: string, path: string) => (path === '/' ? prefix || '/' : `${prefix}${path}`);

function prefixesOf(layer: Layer, prefix: string): string[] {
  const raw = layer.rawPath ?? '/';
  return (Array.isArray(raw) ? raw : [raw])
    .filter((path) => typeof path === 'string')
    .map((p) => join(prefix, p));
}

const covers = (mountedAt: string, path: string) =>
  mountedAt === '/' || path === mountedAt || path.startsWith(`${mountedAt}/`);

const appliesTo = (facts: RouteFacts, method: string) => !facts.methods || facts.methods.includes(method);

/** `/lessons/:id` → `/lessons/{id}` */
export const toOpenApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

function walk(stack: readonly Layer[], prefix: string, before: Mounted[], into: RouteEntry[]): void {
  const mounted = [...before];
  for (const layer of stack) {
    if (layer.route) {
      const path = join(prefix, layer.route.path);
      const outer = mounted.filter((entry) => entry.prefixes.some((at) => covers(at, path)));
      const inner = layer.route.stack.map((step) => factsOf(step.handle)).filter((facts) => !!facts);
      for (const method of Object.keys(layer.route.methods).filter((name) => name !== '_all')) {
        const upper = method.toUpperCase();
        const facts = [...outer.map((entry) => entry.facts), ...inner].filter((f) => appliesTo(f, upper));
        into.push({ method: upper, path: toOpenApiPath(path), facts });
      }
    } else if (Array.isArray(layer.handle?.stack)) {
      for (const at of prefixesOf(layer, prefix))
        walk(layer.handle.stack, at === '/' ? '' : at, mounted, into);
    } else {
      const facts = factsOf(layer.handle);
      if (facts) mounted.push({ prefixes: prefixesOf(layer, prefix), facts });
    }
  }
}

/** Every route the app declares, in the order express dispatches them, with what runs before each. */
export function listRoutes(app: Express): RouteEntry[] {
  const routes: RouteEntry[] = [];
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '', [], routes);
  return routes;
}
