import { defineRoutes } from '../route-group.js';
import {
  commandBodySchema,
  commandResultSchema,
  deviceFilterSchema,
  deviceInputSchema,
  devicePatchSchema,
  deviceSchema,
  deviceTypeModelsSchema,
  idParamsSchema,
} from '../schemas.js';
import { deviceTypes } from '../../../device-types/index.js';

/** Every type's capability model (plain data, the same for every caller), built once. */
const typeModels = Object.fromEntries(
  Object.entries(deviceTypes).map(([name, t]) => [
    name,
    { summary: t.summary, capabilities: t.capabilities, commands: Object.keys(t.commands) },
  ]),
);

export const deviceRoutes = defineRoutes({
  name: 'devices',
  needs: ['devices'],
  plugin: async (app, { deps, routes }) => {
    const devices = deps.devices;

    routes.add(
      app,
      {
        method: 'GET',
        url: '/devices',
        summary: 'List devices, optionally by type, area or floor',
        tag: 'devices',
        query: deviceFilterSchema,
        responses: { 200: deviceSchema.array() },
      },
      async (request) => devices.list(request.query),
    );
    routes.add(
      app,
      {
        method: 'GET',
        url: '/device-types',
        summary: "Every device type's capability model (what its devices can do and report)",
        tag: 'devices',
        responses: { 200: deviceTypeModelsSchema },
      },
      async () => typeModels,
    );
    routes.add(
      app,
      {
        method: 'POST',
        adultOnly: true,
        url: '/devices',
        summary: 'Register a device',
        tag: 'devices',
        body: deviceInputSchema,
        responses: { 201: deviceSchema },
        errors: ['CONFLICT', 'AREA_NOT_FOUND'],
      },
      async (request, reply) => {
        const device = devices.add(request.body, 'api');
        await devices.listening(device.id);
        return reply.status(201).send(device);
      },
    );
    routes.add(
      app,
      {
        method: 'GET',
        url: '/devices/:id',
        summary: 'Get a device with its state',
        tag: 'devices',
        params: idParamsSchema,
        responses: { 200: deviceSchema },
        errors: ['DEVICE_NOT_FOUND'],
      },
      async (request) => devices.require(request.params.id),
    );
    routes.add(
      app,
      {
        method: 'PATCH',
        adultOnly: true,
        url: '/devices/:id',
        summary: 'Change a device (name, aliases, area…)',
        tag: 'devices',
        params: idParamsSchema,
        body: devicePatchSchema,
        responses: { 200: deviceSchema },
        errors: ['DEVICE_NOT_FOUND', 'AREA_NOT_FOUND'],
      },
      async (request) => {
        const { id } = request.params;
        return devices.update(id, request.body);
      },
    );
    routes.add(
      app,
      {
        method: 'DELETE',
        adultOnly: true,
        url: '/devices/:id',
        summary: 'Remove a device',
        tag: 'devices',
        params: idParamsSchema,
        responses: { 204: null },
        errors: ['DEVICE_NOT_FOUND'],
      },
      async (request, reply) => {
        devices.remove(request.params.id);
        return reply.status(204).send();
      },
    );
    routes.add(
      app,
      {
        method: 'POST',
        url: '/devices/:id/commands',
        summary: 'Send a command and wait for the device to acknowledge it',
        tag: 'devices',
        params: idParamsSchema,
        body: commandBodySchema,
        responses: { 200: commandResultSchema },
        errors: ['DEVICE_NOT_FOUND', 'UNSUPPORTED_COMMAND', 'DEVICE_TIMEOUT', 'DEVICE_REJECTED', 'DEVICE_UNAVAILABLE'],
      },
      async (request) => {
        const { id } = request.params;
        const body = request.body;
        const command = body.params ? { command: body.command, params: body.params } : { command: body.command };
        return devices.command(id, command, body.timeoutMs !== undefined ? { timeoutMs: body.timeoutMs } : {});
      },
    );
  },
});
