/** The skills module's public surface, and one call that wires it for hub/main.ts. */
import type { SkillDefinition } from '../sdk/skill.js';
import { SkillInstaller } from './package/installer.js';
import { SkillRuntime, type SkillRuntimeDeps } from './runtime.js';

export { SkillRuntime, type SkillRuntimeDeps, type UtteranceResult } from './runtime.js';
export { SkillInstaller } from './package/installer.js';
export { languagePortFor } from './language-adapter.js';
export type { OrdersPort } from './ports.js';
export { DirectoryStore } from './store/directory-store.js';
export { startSkillStoreServer } from './store/store-server.js';
export { runSkillCommand } from './cli/command.js';
export { skillsConfigSchema } from './config.js';

/**
 * Starts the runtime, registers the built-in skills (minus config.disabledBuiltins) and loads installed ones.
 * Stop with `runtime.stop()`.
 */
export async function startSkills(
  deps: SkillRuntimeDeps & { dataDir: string; builtins: readonly SkillDefinition[] },
): Promise<{ runtime: SkillRuntime; installer: SkillInstaller }> {
  const runtime = new SkillRuntime(deps);
  await runtime.start();
  for (const skill of deps.builtins) {
    if (deps.config.disabledBuiltins.includes(skill.id)) continue;
    // Built-ins that act on devices read the spoken-confirmation settings from their config (never the PIN hash: ctx.verifyPin checks it).
    await runtime.registerBuiltin(skill, { confirm: deps.config.confirm });
  }
  const installer = new SkillInstaller({
    runtime,
    db: deps.db,
    clock: deps.clock,
    log: deps.log,
    dataDir: deps.dataDir,
    trustedPublishers: deps.config.trustedPublishers,
    hubVersion: deps.hubVersion,
  });
  await installer.loadInstalled();
  return { runtime, installer };
}
