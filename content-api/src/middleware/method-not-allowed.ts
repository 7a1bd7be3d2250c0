import type { Express, NextFunction, Request, Response } from 'express';
import { LRUCache } from 'lru-cache';
import { AppError } from '../errors.ts';

/** The parts of express's router (the `router` package) read here: layers that match a path. */
type Layer = {
  match(path: string): false | { path: string };
  route?: { _methods(): string[] };
  handle?: { stack?: Layer[] };
};

/** The methods the app's routes declare for `path`, walking mounted routers the way express dispatches. */
export function declaredMethods(
  stack: readonly Layer[],
  path: string,
  into = new Set<string>(),
): Set<string> {
  for (const layer of stack) {
    const match = layer.match(path);
    if (!match) continue;
    if (layer.route) {
      for (const method of layer.route._methods()) into.add(method);
    } else if (Array.isArray(layer.handle?.stack)) {
      const rest = path.slice(match.path.length);
      declaredMethods(layer.handle.stack, rest.startsWith('/') ? rest : `/${rest}`, into);
    }
  }
  return into;
}

function answerNotAllowed(req: Request, res: Response, allowed: readonly string[]): void {
  const allow = [...allowed, 'OPTIONS'].join(', ');
  if (req.method === 'OPTIONS') {
    res.set('Allow', allow).status(204).end();
    return;
  }
  throw new AppError(
    405,
    'method_not_allowed',
    `${req.method} is not allowed here; use ${allowed.join(' or ')}`,
    [],
    { Allow: allow },
  );
}

/** A static mount (e.g. /media) that answers only these methods: others get our 405 with Allow. */
export function onlyMethods(methods: readonly string[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (methods.includes(req.method)) return next();
    answerNotAllowed(req, res, methods);
  };
}

/** Paths whose declared methods are remembered: ids make paths many, so the memo is bounded. */
const REMEMBERED_PATHS = 10_000;

/**
 * A request no route answered, on a path some route declares: 405 with `Allow` (derived from the routers,
 * so it cannot drift from them) in the usual error body; OPTIONS gets 204 with `Allow`. Other paths go on
 * to the 404. Mounted before the /v1 routes, so it answers ahead of any credential check, and after the others.
 * The routers do not change once the app is built, so a path's methods are walked once and remembered: the
 * walk over every mounted router was a visible share of each cached read (benchmarks: "Content API").
 */
export function methodNotAllowed(app: Express) {
  const memo = new LRUCache<string, readonly string[]>({ max: REMEMBERED_PATHS });
  const methodsOf = (path: string) => {
    let allowed = memo.get(path);
    if (!allowed) {
      const stack = (app as unknown as { router: { stack: Layer[] } }).router.stack;
      allowed = [...declaredMethods(stack, path)].filter((method) => method !== '*');
      memo.set(path, allowed);
    }
    return allowed;
  };
  return (req: Request, res: Response, next: NextFunction) => {
    const allowed = methodsOf(req.baseUrl + req.path);
    if (allowed.length === 0 || allowed.includes(req.method)) return next();
    answerNotAllowed(req, res, allowed);
  };
}
