import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { HubError, isHubError } from '../../sdk/errors.js';
import type { Logger } from '../../core/logger.js';
import type { VoiceConfig } from '../config.js';
import type { ChannelMeanStore } from './channel-means.js';
import { POCKETSPHINX_INSTALL_HINT, PocketsphinxRecognizer } from './pocketsphinx.js';
import { TextRecognizer } from './text.js';
import type { Recognizer, RecognizerName } from './types.js';
import { VOSK_LIBRARY_HINT, VOSK_MODEL_HINT, VoskRecognizer } from './vosk.js';

export interface EngineStatus {
  available: boolean;
  /** What is missing, with the path. */
  missing?: string;
  /** The command or setting that fixes it. */
  fix?: string;
}

export interface RecognizerStatus {
  configured: VoiceConfig['recognizer'];
  /** The engine `auto` (or the configured one) resolves to. */
  selected: RecognizerName;
  engines: Record<RecognizerName, EngineStatus>;
  /** One line for `hearth status`. */
  summary: string;
}

const LIBRARY_DIRS = [
  '/usr/lib/x86_64-linux-gnu',
  '/usr/lib/aarch64-linux-gnu',
  '/usr/lib/arm-linux-gnueabihf',
  '/usr/lib',
  '/usr/local/lib',
];

function findLibrary(name: string): string | undefined {
  if (isAbsolute(name)) return existsSync(name) ? name : undefined;
  const dirs = [...(process.env.LD_LIBRARY_PATH?.split(':').filter(Boolean) ?? []), ...LIBRARY_DIRS];
  return dirs.map((dir) => join(dir, name)).find((path) => existsSync(path));
}

function pocketsphinxStatus(config: VoiceConfig['pocketsphinx']): EngineStatus {
  for (const library of [config.library, config.sphinxbaseLibrary]) {
    if (!findLibrary(library))
      return { available: false, missing: `library ${library}`, fix: POCKETSPHINX_INSTALL_HINT };
  }
  for (const file of [join(config.modelDir, 'en-us', 'mdef'), join(config.modelDir, 'cmudict-en-us.dict')]) {
    if (!existsSync(file)) return { available: false, missing: `model file ${file}`, fix: POCKETSPHINX_INSTALL_HINT };
  }
  return { available: true };
}

function voskStatus(config: VoiceConfig['vosk']): EngineStatus {
  const library = resolve(config.library);
  if (!existsSync(library)) return { available: false, missing: `library ${library}`, fix: VOSK_LIBRARY_HINT };
  if (!config.modelPath)
    return { available: false, missing: 'voice.vosk.modelPath (no model configured)', fix: VOSK_MODEL_HINT };
  const model = resolve(config.modelPath);
  if (!existsSync(model)) return { available: false, missing: `model folder ${model}`, fix: VOSK_MODEL_HINT };
  return { available: true };
}

/** Says which recogniser would run and what each one lacks; reads the file system only. */
export function recognizerStatus(config: VoiceConfig): RecognizerStatus {
  const engines: Record<RecognizerName, EngineStatus> = {
    vosk: voskStatus(config.vosk),
    pocketsphinx: pocketsphinxStatus(config.pocketsphinx),
    text: { available: true },
  };
  const selected: RecognizerName =
    config.recognizer !== 'auto'
      ? config.recognizer
      : engines.vosk.available
        ? 'vosk'
        : engines.pocketsphinx.available
          ? 'pocketsphinx'
          : 'text';
  const chosen = engines[selected];
  const summary = chosen.available
    ? selected === 'text'
      ? `no speech recogniser: voice commands are off, typed commands work. ${describeEngine('pocketsphinx', engines.pocketsphinx)}. ${describeEngine('vosk', engines.vosk)}`
      : `speech recogniser: ${selected}`
    : `speech recogniser ${selected} is configured but missing ${chosen.missing}; ${chosen.fix}`;
  return { configured: config.recognizer, selected, engines, summary };
}

function describeEngine(name: RecognizerName, engine: EngineStatus): string {
  return engine.available
    ? `${name}: installed (set voice.recognizer to ${name} or auto to use it)`
    : `${name}: missing ${engine.missing}; ${engine.fix}`;
}

export interface RecognizerExtras {
  /** Where pocketsphinx keeps each source's adapted cepstral mean. */
  channelStore?: ChannelMeanStore;
}

function build(name: RecognizerName, config: VoiceConfig, log: Logger, extras: RecognizerExtras): Recognizer {
  if (name === 'vosk') return new VoskRecognizer({ ...config.vosk, log: log.child({ recognizer: 'vosk' }) });
  if (name === 'pocketsphinx')
    return new PocketsphinxRecognizer({
      ...config.pocketsphinx,
      channelStore: extras.channelStore,
      log: log.child({ recognizer: 'pocketsphinx' }),
    });
  return new TextRecognizer();
}

/**
 * Builds and starts the configured recogniser. With `auto`, an engine that fails to start is
 * skipped (and logged) in favour of the next, ending at text; a named engine that fails throws
 * RECOGNIZER_UNAVAILABLE, so a misconfiguration is not silently replaced.
 */
export async function startRecognizer(
  config: VoiceConfig,
  log: Logger,
  extras: RecognizerExtras = {},
): Promise<{ recognizer: Recognizer; status: RecognizerStatus }> {
  const status = recognizerStatus(config);
  if (config.recognizer !== 'auto') {
    if (!status.engines[config.recognizer].available)
      throw new HubError('RECOGNIZER_UNAVAILABLE', status.summary, status.engines[config.recognizer]);
    const recognizer = build(config.recognizer, config, log, extras);
    await recognizer.start();
    return { recognizer, status };
  }
  const order: RecognizerName[] = ['vosk', 'pocketsphinx', 'text'];
  for (const name of order.filter((n) => status.engines[n].available)) {
    const recognizer = build(name, config, log, extras);
    try {
      await recognizer.start();
      return { recognizer, status: { ...status, selected: name } };
    } catch (err) {
      if (!isHubError(err)) throw err;
      status.engines[name] = { available: false, missing: err.message };
      log.warn({ recognizer: name, err: err.message }, 'recogniser failed to start; trying the next');
    }
  }
  return { recognizer: new TextRecognizer(), status: { ...status, selected: 'text' } };
}
