import { defineRoutes } from '../route-group.js';
import { healthSchema, statusSchema } from '../schemas.js';

export const healthRoutes = defineRoutes({
  name: 'health',
  needs: ['health', 'status', 'version'],
  plugin: async (app, { deps, routes }) => {
    routes.add(
      app,
      {
        method: 'GET',
        url: '/health',
        summary: 'Liveness: 200 once the hub is ready, 503 before',
        tag: 'hub',
        public: true,
        responses: { 200: healthSchema, 503: healthSchema },
      },
      async (_request, reply) => {
        const health = deps.health();
        return reply
          .status(health.ready ? 200 : 503)
          .send({ status: health.ready ? 'ok' : 'starting', version: deps.version, mqtt: health.mqtt });
      },
    );
    routes.add(
      app,
      {
        method: 'GET',
        url: '/status',
        summary: 'Components and what is missing (broker, recogniser, marketplace…)',
        tag: 'hub',
        responses: { 200: statusSchema },
      },
      async () => deps.status(),
    );
  },
});
