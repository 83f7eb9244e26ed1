/**
 * The household's editable commerce settings: users, spending limits, buttons and replenishment rules.
 * The config file is the seed; an edit made through the API is stored in SQLite (one JSON row per
 * section) and wins over the config from then on, so it survives a restart. Everything that decides
 * a purchase reads these getters, so an edit takes effect on the next order without a restart.
 */
import { z } from 'zod';
import type { Clock } from '../core/clock.js';
import { formatIssues } from '../config/format-issues.js';
import { HubError } from '../sdk/errors.js';
import { applyMigrations, type Db } from '../store/database.js';
import {
  buttonConfigSchema,
  commerceUserSchema,
  replenishmentRuleSchema,
  type ButtonConfig,
  type CommerceConfig,
  type CommerceUser,
  type ReplenishmentRule,
} from './config.js';

export const limitsSchema = z.strictObject({
  perOrderCents: z.number().int().min(0).max(100_000_000),
  perMonthCents: z.number().int().min(0).max(1_000_000_000),
});
export type SpendingLimits = z.infer<typeof limitsSchema>;

const uniqueIds =
  <T extends { id: string }>(what: string) =>
  (list: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.id))
        ctx.addIssue({
          code: 'custom',
          path: [i, 'id'],
          message: `${what} "${item.id}" appears twice; ids must be unique`,
        });
      seen.add(item.id);
    });
  };
export const usersSchema = z.array(commerceUserSchema).max(100).superRefine(uniqueIds('user'));
export const buttonsSchema = z.array(buttonConfigSchema).max(100).superRefine(uniqueIds('button'));
export const replenishmentSchema = z.array(replenishmentRuleSchema).max(100).superRefine(uniqueIds('rule'));

export interface CommerceSettings {
  users: readonly CommerceUser[];
  limits: SpendingLimits;
  buttons: readonly ButtonConfig[];
  replenishment: readonly ReplenishmentRule[];
}
export type SettingsSection = keyof CommerceSettings;

/** What the purchase policy, buttons and rules read: always the current values. */
export interface LiveCommerceSettings {
  users(): readonly CommerceUser[];
  user(id: string): CommerceUser | undefined;
  limits(): SpendingLimits;
  buttons(): readonly ButtonConfig[];
  replenishment(): readonly ReplenishmentRule[];
}

const SECTIONS: Record<SettingsSection, z.ZodType> = {
  users: usersSchema,
  limits: limitsSchema,
  buttons: buttonsSchema,
  replenishment: replenishmentSchema,
};

const migrations = [
  {
    version: 1,
    description: 'commerce settings edited through the API (config is the seed)',
    up: 'CREATE TABLE commerce_settings (section TEXT PRIMARY KEY, value_json TEXT NOT NULL, updated_at INTEGER NOT NULL)',
  },
];

function seedFrom(config: CommerceConfig): CommerceSettings {
  return {
    users: config.users,
    limits: { ...config.limits },
    buttons: config.buttons,
    replenishment: config.replenishment,
  };
}

function invalid(section: string, error: z.ZodError, value: unknown, source: string): HubError {
  const problems = formatIssues(error.issues, value).map((p) => ({
    ...p,
    path: p.path === '(root)' ? section : `${section}${p.path.startsWith('[') ? '' : '.'}${p.path}`,
  }));
  return new HubError(
    'VALIDATION_FAILED',
    `Invalid ${section} (${source}): ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
    problems,
  );
}

export class CommerceSettingsStore implements LiveCommerceSettings {
  private current: CommerceSettings;
  private readonly listeners = new Set<(sections: SettingsSection[]) => void>();

  constructor(private readonly deps: { db: Db; clock: Clock; config: CommerceConfig }) {
    this.current = seedFrom(deps.config);
  }

  /** Loads stored edits over the config seed; a stored section that no longer validates is refused loudly. */
  start(): void {
    applyMigrations(this.deps.db, 'commerce-settings', migrations);
    const rows = this.deps.db.prepare('SELECT section, value_json FROM commerce_settings').all() as {
      section: string;
      value_json: string;
    }[];
    const next: Record<string, unknown> = { ...this.current };
    for (const row of rows) {
      const schema = SECTIONS[row.section as SettingsSection];
      if (!schema) continue;
      const value: unknown = JSON.parse(row.value_json);
      const parsed = schema.safeParse(value);
      if (!parsed.success)
        throw invalid(
          row.section,
          parsed.error,
          value,
          'stored in the database; fix it through the API or delete its row in commerce_settings',
        );
      next[row.section] = parsed.data;
    }
    this.current = next as unknown as CommerceSettings;
  }

  users(): readonly CommerceUser[] {
    return this.current.users;
  }
  user(id: string): CommerceUser | undefined {
    return this.current.users.find((u) => u.id === id);
  }
  limits(): SpendingLimits {
    return this.current.limits;
  }
  buttons(): readonly ButtonConfig[] {
    return this.current.buttons;
  }
  replenishment(): readonly ReplenishmentRule[] {
    return this.current.replenishment;
  }
  snapshot(): CommerceSettings {
    return this.current;
  }

  /**
   * Validates the given sections (each alone, then the user references across them) and stores them
   * together; nothing is saved when any of them is wrong. `limits` may be partial.
   */
  update(changes: Record<string, unknown>): CommerceSettings {
    const next: Record<string, unknown> = { ...this.current };
    const problems: { path: string; message: string }[] = [];
    for (const [section, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      let schema = SECTIONS[section as SettingsSection];
      if (!schema) {
        problems.push({ path: section, message: `unknown settings section; use ${Object.keys(SECTIONS).join(', ')}` });
        continue;
      }
      if (section === 'limits') schema = limitsSchema.partial().transform((l) => ({ ...this.current.limits, ...l }));
      const parsed = schema.safeParse(value);
      if (parsed.success) next[section] = parsed.data;
      else problems.push(...(invalid(section, parsed.error, value, 'not saved').details as typeof problems));
    }
    problems.push(...this.referenceProblems(next as unknown as CommerceSettings));
    if (problems.length > 0)
      throw new HubError(
        'VALIDATION_FAILED',
        `Not saved: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
        problems,
      );
    const { db, clock } = this.deps;
    db.transaction(() => {
      for (const section of Object.keys(changes)) {
        if (changes[section] === undefined) continue;
        db.prepare(`INSERT INTO commerce_settings (section, value_json, updated_at) VALUES (?, ?, ?)
          ON CONFLICT(section) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`).run(
          section,
          JSON.stringify(next[section]),
          clock.now(),
        );
      }
    })();
    this.current = next as unknown as CommerceSettings;
    const changed = Object.keys(changes).filter((section) => changes[section] !== undefined) as SettingsSection[];
    for (const listener of this.listeners) listener(changed);
    return this.current;
  }

  /** Called after an edit is saved, with the sections it changed. Returns the unsubscribe. */
  onChange(listener: (sections: SettingsSection[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The rules the config schema checks across sections, applied to edits too. */
  private referenceProblems(next: CommerceSettings): { path: string; message: string }[] {
    const ids = new Set(next.users.map((u) => u.id));
    const problems: { path: string; message: string }[] = [];
    const check = (user: string | undefined, path: string) => {
      if (user !== undefined && !ids.has(user))
        problems.push({ path, message: `unknown user "${user}"; add the user first or pick another` });
    };
    const defaultUser = this.deps.config.defaultUser;
    if (defaultUser !== undefined && !ids.has(defaultUser))
      problems.push({
        path: 'users',
        message: `"${defaultUser}" is commerce.defaultUser in the config file and cannot be removed`,
      });
    next.buttons.forEach((b, i) => check(b.user, `buttons[${i}].user`));
    next.replenishment.forEach((r, i) => check(r.user, `replenishment[${i}].user`));
    return problems;
  }
}
