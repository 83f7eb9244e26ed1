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

/** Floors and areas: the household the language layer resolves "upstairs" and "the kitchen" against. */
export const householdRoutes = defineRoutes({
  name: 'household',
  needs: ['household'],
  plugin: async (app, { deps, routes }) => {
    const household = deps.household;
    const floorList = floorSchema.array();
    const areaList = areaSchema.array();

    routes.add(
      app,
      { method: 'GET', url: '/floors', summary: 'List floors', tag: 'household', responses: { 200: floorList } },
      async () => household.floors(),
    );
    routes.add(
      app,
      {
        method: 'POST',
        adultOnly: true,
        url: '/floors',
        summary: 'Add a floor',
        tag: 'household',
        body: floorInputSchema,
        responses: { 201: floorSchema },
        errors: ['CONFLICT'],
      },
      async (request, reply) => reply.status(201).send(household.addFloor(request.body)),
    );
    routes.add(
      app,
      {
        method: 'GET',
        url: '/floors/:id',
        summary: 'Get a floor',
        tag: 'household',
        params: idParamsSchema,
        responses: { 200: floorSchema },
        errors: ['FLOOR_NOT_FOUND'],
      },
      async (request) => {
        const { id } = request.params;
        const floor = household.floors().find((f) => f.id === id);
        if (!floor) throw new HubError('FLOOR_NOT_FOUND', `No floor "${id}"; GET /api/v1/floors lists them.`);
        return floor;
      },
    );
    routes.add(
      app,
      {
        method: 'PATCH',
        adultOnly: true,
        url: '/floors/:id',
        summary: 'Rename a floor or change its aliases',
        tag: 'household',
        params: idParamsSchema,
        body: floorPatchSchema,
        responses: { 200: floorSchema },
        errors: ['FLOOR_NOT_FOUND'],
      },
      async (request) => {
        const { id } = request.params;
        return household.updateFloor(id, request.body);
      },
    );
    routes.add(
      app,
      {
        method: 'DELETE',
        adultOnly: true,
        url: '/floors/:id',
        summary: 'Remove a floor',
        tag: 'household',
        params: idParamsSchema,
        responses: { 204: null },
        errors: ['FLOOR_NOT_FOUND', 'CONFLICT'],
      },
      async (request, reply) => {
        household.removeFloor(request.params.id);
        return reply.status(204).send();
      },
    );

    routes.add(
      app,
      { method: 'GET', url: '/areas', summary: 'List areas', tag: 'household', responses: { 200: areaList } },
      async () => household.areas(),
    );
    routes.add(
      app,
      {
        method: 'POST',
        adultOnly: true,
        url: '/areas',
        summary: 'Add an area',
        tag: 'household',
        body: areaInputSchema,
        responses: { 201: areaSchema },
        errors: ['CONFLICT', 'FLOOR_NOT_FOUND'],
      },
      async (request, reply) => reply.status(201).send(household.addArea(request.body)),
    );
    routes.add(
      app,
      {
        method: 'GET',
        url: '/areas/:id',
        summary: 'Get an area',
        tag: 'household',
        params: idParamsSchema,
        responses: { 200: areaSchema },
        errors: ['AREA_NOT_FOUND'],
      },
      async (request) => {
        const { id } = request.params;
        const area = household.getArea(id);
        if (!area) throw new HubError('AREA_NOT_FOUND', `No area "${id}"; GET /api/v1/areas lists them.`);
        return area;
      },
    );
    routes.add(
      app,
      {
        method: 'PATCH',
        adultOnly: true,
        url: '/areas/:id',
        summary: 'Change an area',
        tag: 'household',
        params: idParamsSchema,
        body: areaPatchSchema,
        responses: { 200: areaSchema },
        errors: ['AREA_NOT_FOUND', 'FLOOR_NOT_FOUND'],
      },
      async (request) => {
        const { id } = request.params;
        return household.updateArea(id, request.body);
      },
    );
    routes.add(
      app,
      {
        method: 'DELETE',
        adultOnly: true,
        url: '/areas/:id',
        summary: 'Remove an area',
        tag: 'household',
        params: idParamsSchema,
        responses: { 204: null },
        errors: ['AREA_NOT_FOUND', 'CONFLICT'],
      },
      async (request, reply) => {
        household.removeArea(request.params.id);
        return reply.status(204).send();
      },
    );
  },
});
