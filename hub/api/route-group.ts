import type { FastifyInstance } from 'fastify';
import { HubError } from '../sdk/errors.js';
import type { RouteCatalog } from './openapi.js';
import type { RouteDeps } from './types.js';

/** The part of `RouteDeps` a group declared: what it needs is there, what it may use perhaps. */
export type DeclaredDeps<N extends keyof RouteDeps, O extends keyof RouteDeps> = {
  [K in N]-?: NonNullable<RouteDeps[K]>;
} & { [K in O]?: RouteDeps[K] };

/** A fastify plugin over the dependencies its group declared, registered under /api/v1 (or at / when `atRoot`). */
export type RoutePlugin = (app: FastifyInstance, options: { routes: RouteCatalog }) => Promise<void>;

/** One group of routes (one file in hub/api/routes/), listed once in hub/api/route-groups.ts. */
export interface RouteGroup {
  readonly name: string;
  /** What it cannot work without: a test API registers the groups whose needs it was given. */
  readonly needs: readonly (keyof RouteDeps)[];
  /** Served outside /api/v1 (the dashboard's pages). */
  readonly atRoot: boolean;
  given(deps: Partial<RouteDeps>): boolean;
  /** The group's plugin, seeing only what it declared; throws naming what is missing. */
  bind(deps: Partial<RouteDeps>): RoutePlugin;
}

interface RouteGroupSpec<N extends keyof RouteDeps, O extends keyof RouteDeps> {
  name: string;
  needs: readonly N[];
  /** What it uses when given (an optional hook or setting). */
  optional?: readonly O[];
  atRoot?: boolean;
  plugin: (app: FastifyInstance, options: { deps: DeclaredDeps<N, O>; routes: RouteCatalog }) => Promise<void>;
}

export function defineRoutes<const N extends keyof RouteDeps, const O extends keyof RouteDeps = never>(
  spec: RouteGroupSpec<N, O>,
): RouteGroup {
  const missing = (deps: Partial<RouteDeps>) => spec.needs.filter((key) => deps[key] === undefined);
  return {
    name: spec.name,
    needs: spec.needs,
    atRoot: spec.atRoot ?? false,
    given: (deps) => missing(deps).length === 0,
    bind(deps) {
      const lacking = missing(deps);
      if (lacking.length > 0) {
        throw new HubError(
          'INTERNAL',
          `the ${spec.name} routes need ${lacking.join(', ')}, which the API was not given`,
        );
      }
      const declared: Partial<RouteDeps> = {};
      for (const key of [...spec.needs, ...(spec.optional ?? [])]) {
        if (deps[key] !== undefined) Object.assign(declared, { [key]: deps[key] });
      }
      // Checked just above: every needed key is defined.
      return (app, { routes }) => spec.plugin(app, { deps: declared as DeclaredDeps<N, O>, routes });
    },
  };
}
