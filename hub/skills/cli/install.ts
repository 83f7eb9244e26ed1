/** `hearth skill install|update|uninstall|list`, against the running hub's API. */
import type { InstallPreview } from '../package/installer.js';
import { describeCollisions, describeOverlaps } from '../package/installer.js';
import { hubRequest, type HubConnection } from './hub-client.js';
import { resolveSkillSource } from './source.js';

export interface InstallCommandOptions {
  hub: HubConnection;
  storeUrl?: string;
  signatureFile?: string;
  /** Approve the permissions without asking (for scripts). */
  yes?: boolean;
  allowCollisions?: boolean;
  /** Asks the user; returns true to approve. Not called with `yes`. */
  confirm?: (question: string) => Promise<boolean>;
  print: (line: string) => void;
}

export function describePreview(p: InstallPreview): string[] {
  const lines = [`${p.name ?? p.id} ${p.version} by ${p.publisher}${p.replaces ? ` (replaces ${p.replaces})` : ''}`];
  if (p.description) lines.push(`  ${p.description}`);
  lines.push(`  permissions: ${p.permissions.length ? p.permissions.join(', ') : '(none)'}`);
  if (p.permissions.includes('devices:unlock'))
    lines.push(
      '  devices:unlock: may unlock locks and the car and open garage doors, gates and doors (the hub asks the person first)',
    );
  lines.push(`  intents: ${p.intents.join(', ')}`);
  if (p.builtinOverlaps.length)
    lines.push(`  takes precedence over built-in sentences: ${describeOverlaps(p.builtinOverlaps)}`);
  if (p.collisions.length) lines.push(`  sentence collisions: ${describeCollisions(p.collisions)}`);
  return lines;
}

/** Returns the exit code: 0 installed, 1 refused or failed. */
export async function installSkillCommand(source: string, options: InstallCommandOptions): Promise<number> {
  const { archive, signature, origin } = await resolveSkillSource(source, {
    ...(options.storeUrl ? { storeUrl: options.storeUrl } : {}),
    ...(options.signatureFile ? { signatureFile: options.signatureFile } : {}),
  });
  const body = { package: archive.toString('base64'), signature };
  const preview = await hubRequest<InstallPreview>(options.hub, 'POST', '/skills/inspect', body);
  options.print(`Installing from ${origin}:`);
  for (const line of describePreview(preview)) options.print(line);
  if (preview.collisions.length && !options.allowCollisions) {
    options.print(
      'Refused: the sentences above collide with installed skills (use --allow-collisions to install anyway).',
    );
    return 1;
  }
  const approved =
    options.yes || (options.confirm ? await options.confirm('Grant these permissions and install?') : false);
  if (!approved) {
    options.print('Not installed: the permissions were not approved (use --yes in scripts).');
    return 1;
  }
  await hubRequest(options.hub, 'POST', '/skills', {
    ...body,
    approve: true,
    allowCollisions: options.allowCollisions === true,
  });
  options.print(`Installed ${preview.id} ${preview.version}; it is active now.`);
  return 0;
}

export async function uninstallSkillCommand(
  id: string,
  options: { hub: HubConnection; print: (line: string) => void },
): Promise<number> {
  await hubRequest(options.hub, 'DELETE', `/skills/${encodeURIComponent(id)}`);
  options.print(`Uninstalled ${id}.`);
  return 0;
}

interface ListedSkill {
  id: string;
  version: string;
  builtin: boolean;
  enabled: boolean;
  permissions: string[];
  disabled?: { at: string; reason: string };
}

export async function listSkillsCommand(options: {
  hub: HubConnection;
  print: (line: string) => void;
}): Promise<number> {
  const skills = await hubRequest<ListedSkill[]>(options.hub, 'GET', '/skills');
  for (const s of skills) {
    options.print(
      `${s.id.padEnd(20)} ${s.version.padEnd(10)} ${s.builtin ? 'built-in ' : 'installed'} ${s.enabled ? 'enabled ' : 'DISABLED'} ${s.permissions.join(', ')}`,
    );
    if (s.disabled)
      options.print(
        `${''.padEnd(20)} disabled at ${s.disabled.at}: ${s.disabled.reason}; \`hearth skill enable ${s.id}\` turns it back on`,
      );
  }
  return 0;
}

/** Turns a skill that was disabled after repeated failures back on. */
export async function enableSkillCommand(
  id: string,
  options: { hub: HubConnection; print: (line: string) => void },
): Promise<number> {
  const before = (await hubRequest<ListedSkill[]>(options.hub, 'GET', '/skills')).find((s) => s.id === id);
  await hubRequest(options.hub, 'POST', `/skills/${encodeURIComponent(id)}/enable`);
  options.print(before && !before.enabled ? `Enabled ${id} again.` : `${id} was already enabled.`);
  return 0;
}
