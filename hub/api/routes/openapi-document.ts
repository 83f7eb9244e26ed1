import { z } from 'zod';
import { defineRoutes } from '../route-group.js';

export const openApiDocumentRoutes = defineRoutes({
  name: 'openapi',
  needs: ['version'],
  plugin: async (app, { deps, routes }) => {
    routes.add(
      app,
      {
        method: 'GET',
        url: '/openapi.json',
        tag: 'meta',
        summary: 'This OpenAPI 3.1 document: every route of the API',
        responses: { 200: z.record(z.string(), z.unknown()) },
      },
      async () => routes.document({ version: deps.version }),
    );
  },
});
