import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { HubError } from '../sdk/errors.js';
import { deepFreeze, type DeepReadonly } from './deep-freeze.js';
import { formatIssues, type ConfigProblem } from './format-issues.js';
import { mergeConfig } from './merge.js';
import { relationProblems } from './relations.js';
import { packageRoot } from './package-info.js';
import { hubConfigSchema, type HubConfig } from './schema.js';

export type LoadedConfig = DeepReadonly<HubConfig>;

/** Command-line flags that win over every file (`--data-dir`, `--http-port`, `--mqtt-port`, `--host`). */
export interface ConfigOverrides {
  dataDir?: string;
  httpPort?: number;
  mqttPort?: number;
  /** Bind address for both the HTTP API and the embedded broker. */
  host?: string;
}

export interface LoadConfigOptions {
  /** User file (`--config`); falls back to `env.HEARTH_CONFIG`. */
  configFile?: string;
  env?: Record<string, string | undefined>;
  overrides?: ConfigOverrides;
  /** Relative paths (config file, dataDir) resolve against this; defaults to process.cwd(). */
  cwd?: string;
  /** Defaults file; normally `config/default.yaml` of this package. */
  defaultsFile?: string;
}

/** `config/default.yaml` of this package. */
export function defaultConfigFile(): string {
  try {
    return join(packageRoot(), 'config', 'default.yaml');
  } catch {
    throw new HubError(
      'CONFIG_INVALID',
      'config/default.yaml was not found next to the hub code; reinstall Hearth or pass defaultsFile.',
    );
  }
}

function configError(file: string, problems: ConfigProblem[], fix = 'Fix these keys and start again.'): HubError {
  const lines = problems.map((p) => `  ${p.path}: ${p.message}`).join('\n');
  return new HubError('CONFIG_INVALID', `Invalid configuration (${file}):\n${lines}\n${fix}`, { file, problems });
}

/** Reads one YAML file into a plain mapping; syntax errors name the line and column. */
export function readYamlFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (err as Error).message;
    throw new HubError(
      'CONFIG_INVALID',
      `Cannot read config file ${file}: ${reason}. Check the --config path or HEARTH_CONFIG.`,
      { file },
    );
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => {
      const pos = lineCounter.linePos(e.pos[0]);
      const where = `line ${pos.line}, column ${pos.col}`;
      return { path: where, message: `YAML syntax error: ${e.message.split('\n')[0]}` };
    });
    throw configError(file, problems, 'Fix the YAML at these places and start again.');
  }
  const value: unknown = doc.toJS();
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw configError(file, [{ path: '(root)', message: 'the file must be a YAML mapping of settings (key: value)' }]);
  }
  return value as Record<string, unknown>;
}

function overridesAsConfig(overrides: ConfigOverrides): Record<string, unknown> {
  const http: Record<string, unknown> = {};
  const mqtt: Record<string, unknown> = {};
  const out: Record<string, unknown> = {};
  if (overrides.dataDir !== undefined) out.dataDir = overrides.dataDir;
  if (overrides.httpPort !== undefined) http.port = overrides.httpPort;
  if (overrides.mqttPort !== undefined) mqtt.port = overrides.mqttPort;
  if (overrides.host !== undefined) {
    http.host = overrides.host;
    mqtt.host = overrides.host;
  }
  if (Object.keys(http).length > 0) out.http = http;
  if (Object.keys(mqtt).length > 0) out.mqtt = mqtt;
  return out;
}

/** Validates an already-merged config object; every problem is reported with its key path. */
export function parseConfig(raw: unknown, source = 'configuration', cwd = process.cwd()): LoadedConfig {
  const result = hubConfigSchema.safeParse(raw);
  const problems = [...(result.success ? [] : formatIssues(result.error.issues, raw)), ...relationProblems(raw)];
  if (!result.success || problems.length > 0) throw configError(source, sortByPlace(problems));
  const config = result.data;
  config.dataDir = resolve(cwd, config.dataDir);
  config.language.customSentences = config.language.customSentences.map((file) => resolve(cwd, file));
  return deepFreeze(config);
}

/** Grouped by key, list entries in their order: devices[2] before devices[10]. */
function sortByPlace(problems: ConfigProblem[]): ConfigProblem[] {
  const key = (path: string) => path.replace(/\[(\d+)\]/g, (_, n: string) => `[${n.padStart(6, '0')}]`);
  return [...problems].sort((a, b) => (key(a.path) < key(b.path) ? -1 : key(a.path) > key(b.path) ? 1 : 0));
}

/** Defaults file, then the user file, then command-line overrides; validated and deep-frozen. */
export function loadConfig(options: LoadConfigOptions = {}): LoadedConfig {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const defaults = readYamlFile(options.defaultsFile ?? defaultConfigFile());
  const userPath = options.configFile ?? env.HEARTH_CONFIG;
  const userFile = userPath ? resolve(cwd, userPath) : undefined;
  const user = userFile ? readYamlFile(userFile) : {};
  const merged = mergeConfig(mergeConfig(defaults, user), overridesAsConfig(options.overrides ?? {}));
  return parseConfig(merged, userFile ?? 'defaults', cwd);
}
