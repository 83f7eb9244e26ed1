/**
 * The skill store seen through the hub, for the dashboard: list what the configured store offers,
 * check a package's signature and permissions, and install it. The browser never talks to the store.
 */
import { z } from 'zod';
import { HubError } from '../../sdk/errors.js';
import { resolveSkillSource } from '../../skills/cli/source.js';
import { SKILL_ID_PATTERN } from '../../skills/manifest.js';
import { DirectoryStore, type StoreListing } from '../../skills/store/directory-store.js';
import { defineRoutes } from '../route-group.js';

const idParams = z.object({
  id: z.string().regex(SKILL_ID_PATTERN, 'a skill id: lowercase letters, digits, "-" and "_"'),
});
const versionPattern = /^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/;
const inspectBody = z.strictObject({ version: z.string().regex(versionPattern, 'a version like 1.2.0').optional() });
const installBody = inspectBody.extend({ approve: z.boolean(), allowCollisions: z.boolean().default(false) });
const listingSchema = z.object({
  id: z.string(),
  version: z.string(),
  versions: z.array(z.string()),
  name: z.string().optional(),
  description: z.string().optional(),
  publisher: z.string(),
  permissions: z.array(z.string()),
  intents: z.array(z.string()),
});
/** `url` null: no store is set (a normal setup, not an error); `hint` says how to add one. */
const storeReply = z.object({
  url: z.string().nullable(),
  skills: z.array(listingSchema),
  hint: z.string().optional(),
});
const NO_STORE =
  'No skill store is set: add skills.storeUrl (a directory or an http(s) URL) to the config to browse and install skills.';
const anyObject = z.object({}).catchall(z.unknown());

/** How long the store's listing may take before the API answers that it is unreachable. */
const STORE_TIMEOUT_MS = 5000;

async function listStore(storeUrl: string, timeoutMs: number): Promise<StoreListing[]> {
  if (!/^https?:\/\//.test(storeUrl)) return new DirectoryStore(storeUrl).list();
  const response = await fetch(`${storeUrl.replace(/\/$/, '')}/skills`, {
    signal: AbortSignal.timeout(timeoutMs),
  }).catch((err: Error) => {
    throw new HubError(
      'DEVICE_UNAVAILABLE',
      `The skill store at ${storeUrl} cannot be reached (${err.message}); check skills.storeUrl.`,
    );
  });
  if (!response.ok)
    throw new HubError(
      'DEVICE_UNAVAILABLE',
      `The skill store at ${storeUrl} answered ${response.status}; check skills.storeUrl.`,
    );
  const parsed = z.array(listingSchema).safeParse(await response.json());
  if (!parsed.success)
    throw new HubError(
      'DEVICE_UNAVAILABLE',
      `The skill store at ${storeUrl} sent a listing this hub does not understand.`,
    );
  return parsed.data as StoreListing[];
}

export const skillStoreRoutes = defineRoutes({
  name: 'skill store',
  needs: ['installer'],
  optional: ['skillStoreUrl'],
  plugin: async (app, { deps: { installer, skillStoreUrl: storeUrl }, routes }) => {
    const requireStore = (): string => {
      if (!storeUrl) throw new HubError('NOT_FOUND', NO_STORE);
      return storeUrl;
    };
    const fetchPackage = async (id: string, version: string | undefined) =>
      resolveSkillSource(version ? `${id}@${version}` : id, { storeUrl: requireStore() });

    routes.add(
      app,
      {
        method: 'GET',
        url: '/skills/store',
        summary: 'What the configured skill store offers (url null: none is set)',
        tag: 'skills',
        responses: { 200: storeReply },
        errors: ['DEVICE_UNAVAILABLE'],
      },
      async () =>
        storeUrl
          ? { url: storeUrl, skills: await listStore(storeUrl, STORE_TIMEOUT_MS) }
          : { url: null, skills: [], hint: NO_STORE },
    );
    routes.add(
      app,
      {
        method: 'POST',
        url: '/skills/store/:id/inspect',
        summary: 'Fetch a skill from the store and show what installing it would grant (signature checked)',
        tag: 'skills',
        params: idParams,
        body: inspectBody,
        bodyOptional: true,
        responses: { 200: anyObject },
        errors: ['NOT_FOUND', 'SIGNATURE_INVALID', 'MANIFEST_INVALID'],
      },
      async (request) => {
        const { id } = request.params;
        const { version } = request.body;
        const source = await fetchPackage(id, version);
        return installer.inspect(source.archive, source.signature).preview;
      },
    );
    routes.add(
      app,
      {
        method: 'POST',
        adultOnly: true,
        url: '/skills/store/:id/install',
        summary: 'Install (or update) a skill from the store; approve: true grants its permissions',
        tag: 'skills',
        params: idParams,
        body: installBody,
        responses: { 201: anyObject },
        errors: ['NOT_FOUND', 'SIGNATURE_INVALID', 'MANIFEST_INVALID', 'CONFLICT', 'FORBIDDEN'],
      },
      async (request, reply) => {
        const { id } = request.params;
        const body = request.body;
        const source = await fetchPackage(id, body.version);
        const { preview } = installer.inspect(source.archive, source.signature);
        if (preview.id !== id)
          throw new HubError(
            'CONFLICT',
            `The store's package for "${id}" is the skill "${preview.id}": the store is inconsistent; nothing was installed.`,
          );
        const result = await installer.install(source.archive, source.signature, {
          approve: body.approve,
          allowCollisions: body.allowCollisions,
        });
        return reply.status(201).send(result);
      },
    );
  },
});
