/**
 * A real hub on the held-out household for the scorers: a child process (`hearth start`) with a temp data dir,
 * port 0 for HTTP and MQTT, and the typed-text recogniser unless voice is wanted. Removes everything on stop.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { apiCall, spawnHubProcess, type HubProcess } from '../../harness/hub.js';
import { HOUSEHOLD_FILE } from './household.js';

export interface HubUnderTest {
  url: string;
  token: string;
  post<T = any>(path: string, body: unknown): Promise<T>;
  stop(): Promise<void>;
}

/**
 * `templateOnly`: the template matcher alone (language.secondStage false), for comparing with the full understanding.
 * `commandModel`: what pocketsphinx decodes commands with (voice.pocketsphinx.commandModel; default the config's).
 */
export async function startHubUnderTest(
  options: {
    voice?: boolean;
    entry?: 'source' | 'build';
    templateOnly?: boolean;
    commandModel?: 'grammar' | 'ngram';
  } = {},
): Promise<HubUnderTest> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-phrasings-'));
  const config = {
    ...(parse(readFileSync(HOUSEHOLD_FILE, 'utf8')) as object),
    logLevel: 'warn',
    ...(options.voice
      ? {
          voice: {
            requireWakePhrase: false,
            tts: { enabled: false },
            ...(options.commandModel ? { pocketsphinx: { commandModel: options.commandModel } } : {}),
          },
        }
      : { voice: { recognizer: 'text' } }),
    ...(options.templateOnly ? { language: { secondStage: false } } : {}),
  };
  const configFile = join(dir, 'config.yaml');
  writeFileSync(configFile, stringify(config));
  let hub: HubProcess;
  try {
    hub = await spawnHubProcess(
      join(dir, 'data'),
      ['--config', configFile],
      options.voice ? 120_000 : 30_000,
      options.entry ?? 'source',
    );
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: hub.runtime.http.url,
    token: hub.token,
    async post(path, body) {
      const reply = await apiCall(hub.runtime.http.url, hub.token, 'POST', path, body);
      return reply.body;
    },
    async stop() {
      hub.child.kill('SIGTERM');
      const timer = setTimeout(() => hub.child.kill('SIGKILL'), 10_000);
      await hub.exited;
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
