import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { ErrorCodes } from '../../sdk/errors.js';
import type { RouteCatalog } from '../openapi.js';
import { defineRoutes } from '../route-group.js';
import {
  areaInputSchema,
  areaPatchSchema,
  areaSchema,
  floorInputSchema,
  floorPatchSchema,
  floorSchema,
  idParamsSchema,
} from '../schemas.js';
import { HubError } from '../../sdk/errors.js';

/** One kind of place (floors, areas): how its five routes differ. */
interface PlaceKind<T, I extends z.ZodType, U extends z.ZodType> {
  /** "floor", with its article: "a floor". */
  noun: string;
  article: string;
  schema: z.ZodType<T>;
  input: I;
  patch: U;
  notFound: 'FLOOR_NOT_FOUND' | 'AREA_NOT_FOUND';
  /** The place it lies in, which adding or changing it may name wrongly (an area's floor). */
  within?: 'FLOOR_NOT_FOUND';
  changeSummary: string;
  list(): T[];
  get(id: string): T | undefined;
  add(input: z.output<I>): T;
  update(id: string, patch: z.output<U>): T;
  remove(id: string): void;
}

/** List, add, get, change and remove one kind of place, under /<noun>s. */
function placeRoutes<T, I extends z.ZodType, U extends z.ZodType>(
  app: FastifyInstance,
  routes: RouteCatalog,
  kind: PlaceKind<T, I, U>,
): void {
  const url = `/${kind.noun}s`;
  // The bodies are parsed by `input` and `patch` before the handlers; fastify's request type cannot see through the generic schema.
  const within: (keyof typeof ErrorCodes)[] = kind.within ? [kind.within] : [];
  routes.add(
    app,
    { method: 'GET', url, summary: `List ${kind.noun}s`, tag: 'household', responses: { 200: kind.schema.array() } },
    async () => kind.list(),
  );
  routes.add(
    app,
    {
      method: 'POST',
      adultOnly: true,
      url,
      summary: `Add ${kind.article} ${kind.noun}`,
      tag: 'household',
      body: kind.input,
      responses: { 201: kind.schema },
      errors: ['CONFLICT', ...within],
    },
    async (request, reply) => reply.status(201).send(kind.add(request.body as z.output<I>)),
  );
  routes.add(
    app,
    {
      method: 'GET',
      url: `${url}/:id`,
      summary: `Get ${kind.article} ${kind.noun}`,
      tag: 'household',
      params: idParamsSchema,
      responses: { 200: kind.schema },
      errors: [kind.notFound],
    },
    async (request) => {
      const { id } = request.params;
      const place = kind.get(id);
      if (!place) throw new HubError(kind.notFound, `No ${kind.noun} "${id}"; GET /api/v1${url} lists them.`);
      return place;
    },
  );
  routes.add(
    app,
    {
      method: 'PATCH',
      adultOnly: true,
      url: `${url}/:id`,
      summary: kind.changeSummary,
      tag: 'household',
      params: idParamsSchema,
      body: kind.patch,
      responses: { 200: kind.schema },
      errors: [kind.notFound, ...within],
    },
    async (request) => kind.update(request.params.id, request.body as z.output<U>),
  );
  routes.add(
    app,
    {
      method: 'DELETE',
      adultOnly: true,
      url: `${url}/:id`,
      summary: `Remove ${kind.article} ${kind.noun}`,
      tag: 'household',
      params: idParamsSchema,
      responses: { 204: null },
      errors: [kind.notFound, 'CONFLICT'],
    },
    async (request, reply) => {
      kind.remove(request.params.id);
      return reply.status(204).send();
    },
  );
}

/** Floors and areas: the household the language layer resolves "upstairs" and "the kitchen" against. */
export const householdRoutes = defineRoutes({
  name: 'household',
  needs: ['household'],
  plugin: async (app, { deps: { household }, routes }) => {
    placeRoutes(app, routes, {
      noun: 'floor',
      article: 'a',
      schema: floorSchema,
      input: floorInputSchema,
      patch: floorPatchSchema,
      notFound: 'FLOOR_NOT_FOUND',
      changeSummary: 'Rename a floor or change its aliases',
      list: () => household.floors(),
      get: (id) => household.floors().find((floor) => floor.id === id),
      add: (floor) => household.addFloor(floor),
      update: (id, patch) => household.updateFloor(id, patch),
      remove: (id) => household.removeFloor(id),
    });
    placeRoutes(app, routes, {
      noun: 'area',
      article: 'an',
      schema: areaSchema,
      input: areaInputSchema,
      patch: areaPatchSchema,
      notFound: 'AREA_NOT_FOUND',
      within: 'FLOOR_NOT_FOUND',
      changeSummary: 'Change an area',
      list: () => household.areas(),
      get: (id) => household.getArea(id),
      add: (area) => household.addArea(area),
      update: (id, patch) => household.updateArea(id, patch),
      remove: (id) => household.removeArea(id),
    });
  },
});
