import type { Ability } from '@ketang/contract';
import type { z } from 'zod';

/** What a middleware tells the OpenAPI document about the routes it guards. */
export type RouteFacts = {
  /** The request part it validates, with the zod schema that does it. */
  validates?: { part: 'query' | 'params' | 'body'; schema: z.ZodType };
  /** A file it takes as the raw request body: the media types it accepts and the size limit. */
  rawBody?: { mediaTypes: readonly string[]; maxBytes: number };
  /** Request headers it reads. */
  headers?: z.ZodObject;
  /** The operator ability it requires (middleware/needs-ability.ts). */
  ability?: Ability;
  /** The security scheme it checks (components.securitySchemes). */
  security?: 'household' | 'operator';
  /** Statuses it may answer, each with what it means. */
  responses?: Record<string, string>;
  /** Only for these methods (upper case), e.g. a limit on writes; all methods when absent. */
  methods?: readonly string[];
};

const FACTS = Symbol('ketang.routeFacts');

/**
 * Tags a middleware with what it does to a request, so the OpenAPI document is read off the routes that run
 * it: the schemas routes validate with, the credentials they check and the statuses they answer.
 */
export function withFacts<T extends object>(handler: T, facts: RouteFacts): T {
  Object.defineProperty(handler, FACTS, { value: facts, enumerable: false });
  return handler;
}

export function factsOf(handler: unknown): RouteFacts | undefined {
  if ((typeof handler !== 'function' && typeof handler !== 'object') || handler === null) return undefined;
  return (handler as { [FACTS]?: RouteFacts })[FACTS];
}
