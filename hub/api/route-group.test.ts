import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { RouteCatalog } from './openapi.js';
import { defineRoutes } from './route-group.js';
import { ROUTE_GROUPS } from './route-groups.js';
import type { RouteDeps } from './types.js';

describe('defineRoutes', () => {
  it('hands the plugin only what the group declared', async () => {
    let seen: string[] = [];
    const group = defineRoutes({
      name: 'probe',
      needs: ['version'],
      optional: ['skillStoreUrl'],
      plugin: async (_app, { deps }) => {
        seen = Object.keys(deps).sort();
      },
    });
    const deps: Partial<RouteDeps> = { version: '1', token: 'secret', skillStoreUrl: '/store' };
    const app = Fastify();
    await app.register(group.bind(deps), { routes: new RouteCatalog() });
    await app.ready();
    await app.close();
    expect(seen).toEqual(['skillStoreUrl', 'version']);
  });

  it('is given when every need is, and otherwise refuses to bind, naming what is missing', () => {
    const group = defineRoutes({ name: 'probe', needs: ['skills', 'installer'], plugin: async () => {} });
    expect(group.given({ skills: {} as RouteDeps['skills'] })).toBe(false);
    expect(() => group.bind({ skills: {} as RouteDeps['skills'] })).toThrow('the probe routes need installer');
  });
});

describe('ROUTE_GROUPS', () => {
  it('lists each group once, under a name of its own', () => {
    const names = ROUTE_GROUPS.map((group) => group.name);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(ROUTE_GROUPS).size).toBe(ROUTE_GROUPS.length);
  });
});
