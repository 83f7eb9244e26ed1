/** Skills: list, inspect a signed package, install/update it (approval required), uninstall, re-enable. */
import { z } from 'zod';
import { defineRoutes } from '../route-group.js';

const packageBody = z.strictObject({
  /** The .tgz, base64. */
  package: z
    .string()
    .min(1)
    .max(40 * 1024 * 1024),
  signature: z.record(z.string(), z.unknown()),
  approve: z.boolean().default(false),
  allowCollisions: z.boolean().default(false),
  config: z.record(z.string(), z.unknown()).optional(),
});
const idParams = z.object({ id: z.string().min(1).max(64) });
const sentenceCollision = z.object({
  sentence: z.string(),
  intent: z.string(),
  otherSkill: z.string(),
  /** `builtin`: the package's sentence takes precedence; `installed` or `hub`: a conflict. */
  otherOrigin: z.enum(['hub', 'installed', 'builtin']),
  otherIntent: z.string(),
  example: z.string().optional(),
});
/** What installing would grant (InstallPreview). */
const installPreview = z
  .object({
    id: z.string(),
    version: z.string(),
    publisher: z.string(),
    permissions: z.array(z.string()),
    intents: z.array(z.string()),
    /** Sentences another installed skill or the hub's own answers take: they refuse the install unless allowCollisions. */
    collisions: z.array(sentenceCollision),
    /** Sentences a built-in skill also takes: this package's take precedence there. */
    builtinOverlaps: z.array(sentenceCollision),
  })
  .catchall(z.unknown());
const skillInfo = z
  .object({
    id: z.string(),
    version: z.string(),
    builtin: z.boolean(),
    isolated: z.boolean(),
    enabled: z.boolean(),
    consecutiveFailures: z.number().int(),
    lastError: z.object({ code: z.string(), message: z.string() }).optional(),
    /** Set while the hub keeps the skill turned off after repeated failures: when, and the last failure. */
    disabled: z.object({ at: z.string(), reason: z.string() }).optional(),
  })
  .catchall(z.unknown());

export const skillRoutes = defineRoutes({
  name: 'skills',
  needs: ['skills', 'installer'],
  plugin: async (app, { deps: { skills: runtime, installer }, routes }) => {
    routes.add(
      app,
      {
        method: 'GET',
        url: '/skills',
        summary: 'Loaded skills with their state',
        tag: 'skills',
        responses: { 200: skillInfo.array() },
      },
      async () => runtime.list(),
    );
    routes.add(
      app,
      {
        method: 'POST',
        url: '/skills/inspect',
        summary: 'Verify a signed package and show what installing it would grant',
        tag: 'skills',
        body: packageBody,
        responses: { 200: installPreview },
        errors: ['SIGNATURE_INVALID', 'MANIFEST_INVALID', 'CONFLICT'],
      },
      async (request) => {
        const body = request.body;
        return installer.inspect(Buffer.from(body.package, 'base64'), body.signature).preview;
      },
    );
    routes.add(
      app,
      {
        method: 'POST',
        adultOnly: true,
        url: '/skills',
        summary: 'Install or update a signed skill package (approve: true required) and load it',
        tag: 'skills',
        body: packageBody,
        responses: { 201: z.object({}).catchall(z.unknown()) },
        errors: ['SIGNATURE_INVALID', 'MANIFEST_INVALID', 'CONFLICT', 'FORBIDDEN'],
      },
      async (request, reply) => {
        const body = request.body;
        const result = await installer.install(Buffer.from(body.package, 'base64'), body.signature, {
          approve: body.approve,
          allowCollisions: body.allowCollisions,
          ...(body.config ? { config: body.config } : {}),
        });
        return reply.status(201).send(result);
      },
    );
    routes.add(
      app,
      {
        method: 'DELETE',
        adultOnly: true,
        url: '/skills/:id',
        summary: 'Uninstall a skill (its storage and timers go too)',
        tag: 'skills',
        params: idParams,
        responses: { 204: null },
        errors: ['NOT_FOUND'],
      },
      async (request, reply) => {
        await installer.uninstall(request.params.id);
        return reply.status(204).send();
      },
    );
    routes.add(
      app,
      {
        method: 'POST',
        adultOnly: true,
        url: '/skills/:id/enable',
        summary: 'Re-enable a skill disabled after repeated failures',
        tag: 'skills',
        params: idParams,
        responses: { 200: skillInfo },
        errors: ['NOT_FOUND'],
      },
      async (request) => runtime.enable(request.params.id),
    );
  },
});
