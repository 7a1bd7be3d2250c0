// Every operator route names the ability it needs from the contract's one table (route inventory), and a role
// without it gets 403 before anything it sent is read (docs/operator-api.md).
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ABILITIES, type Ability } from '@ketang/contract';
import { listRoutes, type RouteEntry } from '../../src/openapi/route-inventory.ts';
import type { RunningServer } from '../../src/server.ts';
import { principalsWith } from '../../src/services/auth.service.ts';
import { getJson, OPERATOR_TOKEN, startApi } from '../support/api.ts';
import { embeddedBackend } from '../support/backends.ts';
import { bearer, operatorTokens } from '../support/operators.ts';

/** Logging in is the one operator route open to anyone. */
const OPEN = new Set(['POST /v1/operator/sessions']);

describe('operator abilities over the route inventory', () => {
  let api: RunningServer;
  let tokens: Record<string, string>;
  const operatorRoutes = () =>
    listRoutes(api.server.listeners('request')[0] as Express).filter(
      (route) => route.path.startsWith('/v1/operator/') && !OPEN.has(`${route.method} ${route.path}`),
    );
  const abilityOf = (route: RouteEntry) => route.facts.find((facts) => facts.ability)?.ability;

  beforeAll(async () => {
    api = await startApi(await embeddedBackend.open());
    tokens = {
      ...(await operatorTokens(api.url, ['curator', 'scheduler', 'viewer', 'carrier'])),
      service: OPERATOR_TOKEN,
    };
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await embeddedBackend.shutdown();
  });

  it('finds every operator route naming one ability of the table, documented with its roles', () => {
    const routes = operatorRoutes();
    expect(routes.length).toBeGreaterThan(30);
    const unnamed = routes.filter((route) => !abilityOf(route)).map((r) => `${r.method} ${r.path}`);
    expect(unnamed).toEqual([]);
    for (const route of routes) {
      expect(ABILITIES).toContain(abilityOf(route));
      const forbidden = route.facts.flatMap((facts) => facts.responses?.['403'] ?? []);
      expect(forbidden.join(' '), `${route.method} ${route.path}`).toContain(
        principalsWith(abilityOf(route)!).join(', '),
      );
    }
  });

  it('answers 403 to a principal without the ability on every operator route, whatever it sent', async () => {
    const lacking = (ability: Ability) =>
      Object.keys(tokens).find((role) => !principalsWith(ability).includes(role as never))!;
    for (const route of operatorRoutes()) {
      const role = lacking(abilityOf(route)!);
      const { status } = await getJson(api.url, route.path.replace(/\{\w+\}/g, 'x1'), {
        method: route.method,
        headers: { 'content-type': 'application/json', ...bearer(tokens[role]!) },
        body: route.method === 'GET' || route.method === 'HEAD' ? undefined : '{}',
      });
      expect(status, `${route.method} ${route.path} as ${role}`).toBe(403);
    }
  });
});
