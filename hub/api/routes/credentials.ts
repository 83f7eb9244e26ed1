import { defineRoutes } from '../route-group.js';
import { credentialBodySchema, credentialSchema, idParamsSchema, issuedCredentialSchema } from '../schemas.js';
import { HubError } from '../../sdk/errors.js';
import { DISCOVERY_ROOT } from '../../mqtt/access-control.js';

/**
 * MQTT credentials for devices: for registered devices, and for discovery devices that are not registered yet
 * because they announce themselves after connecting (they are granted a discovery topic of their own id).
 */
export const credentialRoutes = defineRoutes({
  name: 'credentials',
  needs: ['credentials', 'devices'],
  plugin: async (app, { deps, routes }) => {
    const credentials = deps.credentials;

    routes.add(
      app,
      {
        method: 'POST',
        adultOnly: true,
        url: '/devices/:id/credentials',
        summary: 'Create (or replace) the MQTT credential of a device; the password is shown only in this reply',
        tag: 'credentials',
        params: idParamsSchema,
        body: credentialBodySchema,
        bodyOptional: true,
        responses: { 201: issuedCredentialSchema },
        errors: ['DEVICE_NOT_FOUND'],
      },
      async (request, reply) => {
        const { id } = request.params;
        const body = request.body;
        // A credential opens the broker: only for a registered device, or one that will register itself by
        // announcing on a discovery topic of its own id (the credential store refuses any other discovery topic).
        const announcesItself = body.extraTopics?.some((filter) => filter.split('/')[0] === DISCOVERY_ROOT) ?? false;
        if (!deps.devices.get(id) && !announcesItself) {
          throw new HubError(
            'DEVICE_NOT_FOUND',
            `No device "${id}": register it first (POST /api/v1/devices), or, for a device that announces itself by Home Assistant discovery, grant it its discovery topic (extraTopics: ["${DISCOVERY_ROOT}/+/${id}/#"]).`,
          );
        }
        const issued = credentials.create(id, body.extraTopics ? { extraTopics: body.extraTopics } : {});
        return reply.status(201).header('cache-control', 'no-store').send(issued);
      },
    );
    routes.add(
      app,
      {
        method: 'GET',
        url: '/credentials',
        summary: 'List device credentials (never the passwords)',
        tag: 'credentials',
        responses: { 200: credentialSchema.array() },
      },
      async () => credentials.list(),
    );
    routes.add(
      app,
      {
        method: 'DELETE',
        adultOnly: true,
        url: '/devices/:id/credentials',
        summary: 'Revoke a device credential',
        tag: 'credentials',
        params: idParamsSchema,
        responses: { 204: null },
        errors: ['NOT_FOUND'],
      },
      async (request, reply) => {
        const { id } = request.params;
        if (!credentials.get(id))
          throw new HubError('NOT_FOUND', `Device "${id}" has no credential; GET /api/v1/credentials lists them.`);
        credentials.revoke(id);
        return reply.status(204).send();
      },
    );
  },
});
