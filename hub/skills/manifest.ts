/**
 * The skill manifest: a `hearth` block in package.json or a skill.json file.
 * Validated with zod; anything unknown or unsafe is refused with the reason.
 */
import { z } from 'zod';
import { DEVICE_TYPES } from '../../device-types/index.js';
import { HubError } from '../sdk/errors.js';
import { FIXED_PERMISSIONS, type Permission } from '../sdk/skill.js';
import { parseRange, parseVersion, satisfies } from './semver.js';

export const SKILL_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{1,63}$/;
const HOST_PATTERN =
  /^(?=.{1,253}(?::\d{1,5})?$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/;

const FIXED = new Set<string>(FIXED_PERMISSIONS);

/** Returns the reason a permission string is refused, or undefined when it is valid. */
export function permissionProblem(p: string): string | undefined {
  if (FIXED.has(p)) return undefined;
  if (p.startsWith('devices:control:')) {
    const type = p.slice('devices:control:'.length);
    return (DEVICE_TYPES as readonly string[]).includes(type)
      ? undefined
      : `unknown device type "${type}" (one of ${DEVICE_TYPES.join(', ')})`;
  }
  if (p.startsWith('http:')) {
    const host = p.slice('http:'.length);
    if (host.includes('*')) return `wildcard host "${host}" is not allowed: list each host the skill talks to`;
    if (!HOST_PATTERN.test(host)) return `"${host}" is not a host name (write "http:api.example.com")`;
    return undefined;
  }
  return `unknown permission "${p}"`;
}

const permission = z
  .string()
  .superRefine((p, ctx) => {
    const problem = permissionProblem(p);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((p) => p as Permission);

const slotDeclaration = z.union([
  z.strictObject({ values: z.array(z.string().min(1).max(100)).min(1).max(1000) }),
  z.strictObject({ wildcard: z.literal(true) }),
  z.strictObject({ range: z.strictObject({ from: z.number(), to: z.number() }) }),
  z.strictObject({ list: z.string().regex(/^[a-z][a-z0-9_]*$/) }),
]);

/** Without `targets` an intent acts on nothing in the house; a skill that controls devices names their types. */
const intentTargets = z.union([
  z.literal('none'),
  z.strictObject({
    domains: z.array(z.enum(DEVICE_TYPES)).max(DEVICE_TYPES.length),
    areaFromContext: z.boolean(),
    nameDomains: z.array(z.enum(DEVICE_TYPES)).max(DEVICE_TYPES.length).optional(),
  }),
]);

const intentDeclaration = z.strictObject({
  sentences: z.array(z.string().trim().min(1).max(500)).min(1).max(500),
  targets: intentTargets.default('none'),
  slots: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), slotDeclaration).optional(),
});

const configField = z.strictObject({
  type: z.enum(['string', 'number', 'boolean']),
  description: z.string().max(500).optional(),
  default: z.union([z.string(), z.number(), z.boolean()]).optional(),
  required: z.boolean().optional(),
});

export const skillManifestSchema = z
  .strictObject({
    id: z.string().regex(SKILL_ID_PATTERN, 'must be 2-64 lowercase letters, digits, "-" or "_"'),
    version: z.string().refine((v) => parseVersion(v) !== undefined, 'must be a semantic version like 1.0.0'),
    name: z.string().min(1).max(100).optional(),
    description: z.string().max(1000).optional(),
    publisher: z.string().max(64).optional(),
    /** The module exporting the skill (default export), relative to the package root. */
    main: z
      .string()
      .default('index.js')
      .refine((m) => !m.startsWith('/') && !m.split(/[\\/]/).includes('..'), 'must be a path inside the package'),
    /** Hub versions the skill supports, as a semver range. */
    hub: z.string().refine((r) => parseRange(r) !== undefined, 'must be a semver range like ">=0.1.0 <1.0.0"'),
    permissions: z.array(permission).max(50).default([]),
    intents: z
      .record(
        z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'intent names are letters, digits and "_"'),
        intentDeclaration,
      )
      .refine((i) => Object.keys(i).length > 0, 'a skill declares at least one intent'),
    config: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/), configField).default({}),
  })
  .superRefine((m, ctx) => {
    if (
      m.permissions.includes('devices:unlock') &&
      !m.permissions.some((p) => p === 'devices:control' || p.startsWith('devices:control:'))
    )
      ctx.addIssue({
        code: 'custom',
        path: ['permissions'],
        message:
          '"devices:unlock" adds to a control permission: also declare "devices:control" or "devices:control:<type>" (lock, vehicle, cover)',
      });
  });
export type SkillManifest = z.infer<typeof skillManifestSchema>;

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(manifest)'}: ${i.message}`).join('; ');
}

/** Validates a manifest object; throws MANIFEST_INVALID listing every problem with its path. */
export function parseManifest(input: unknown, source = 'manifest'): SkillManifest {
  const result = skillManifestSchema.safeParse(input);
  if (!result.success) {
    throw new HubError(
      'MANIFEST_INVALID',
      `${source} is invalid: ${describeIssues(result.error)}. Fix the manifest and try again.`,
      {
        issues: result.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
      },
    );
  }
  return result.data;
}

/** Reads the manifest out of skill.json or package.json's `hearth` block (skill.json wins). */
export function manifestFromFiles(files: { skillJson?: string; packageJson?: string }): SkillManifest {
  if (files.skillJson !== undefined) return parseManifest(parseJson(files.skillJson, 'skill.json'), 'skill.json');
  if (files.packageJson !== undefined) {
    const pkg = parseJson(files.packageJson, 'package.json') as { hearth?: unknown; name?: unknown; version?: unknown };
    if (!pkg || typeof pkg !== 'object' || pkg.hearth === undefined)
      throw new HubError('MANIFEST_INVALID', 'package.json has no "hearth" block: add one or a skill.json');
    return parseManifest(pkg.hearth, 'package.json "hearth" block');
  }
  throw new HubError('MANIFEST_INVALID', 'no skill.json and no package.json found: a skill needs a manifest');
}

function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new HubError('MANIFEST_INVALID', `${name} is not valid JSON (${(err as Error).message})`);
  }
}

/** Refuses a skill that does not support this hub's version. */
export function assertHubCompatible(manifest: SkillManifest, hubVersion: string): void {
  if (!satisfies(hubVersion, manifest.hub))
    throw new HubError(
      'MANIFEST_INVALID',
      `skill "${manifest.id}" supports hub versions "${manifest.hub}" but this hub is ${hubVersion}: install a version of the skill made for this hub`,
    );
}

/** Checks and fills a skill's configuration against its manifest's config schema. */
export function resolveSkillConfig(
  manifest: SkillManifest,
  values: Record<string, unknown> = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, field] of Object.entries(manifest.config)) {
    const value = values[key] ?? field.default;
    if (value === undefined) {
      if (field.required) problems.push(`${key} is required`);
      continue;
    }
    if (typeof value !== field.type) problems.push(`${key} must be a ${field.type}`);
    else out[key] = value;
  }
  for (const key of Object.keys(values))
    if (!(key in manifest.config)) problems.push(`${key} is not a setting of this skill`);
  if (problems.length)
    throw new HubError('CONFIG_INVALID', `configuration of skill "${manifest.id}" is invalid: ${problems.join('; ')}`);
  return out;
}
