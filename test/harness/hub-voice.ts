/** Talking to a test hub's voice: a WAV uploaded to POST /voice, and waiting for the grammar the recogniser loads. */
import type { HouseholdDefinition } from '../../firmware-sim/household.js';
import type { LoadedGrammar } from '../../hub/voice/service.js';
import { startHubWithHousehold, type HubWithHousehold } from './household.js';
import type { TestHub } from './hub.js';
import { until } from './until.js';

/** POSTs a WAV to /api/v1/voice the way a satellite uploads it; `query` is e.g. `dryRun=true`. */
export function postVoice(hub: Pick<TestHub, 'runtime' | 'token'>, wav: Buffer, query = ''): Promise<Response> {
  return fetch(`${hub.runtime.http.url}/api/v1/voice${query ? `?${query}` : ''}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${hub.token}`, 'content-type': 'audio/wav' },
    body: wav,
  });
}

/** What the hub heard in a WAV and did about it; anything but 200 fails with the answer's body. */
export async function speakTo(hub: Pick<TestHub, 'runtime' | 'token'>, wav: Buffer): Promise<VoiceReply> {
  const res = await postVoice(hub, wav);
  const body = await res.text();
  if (res.status !== 200) throw new Error(`POST /voice answered ${res.status}: ${body}`);
  return JSON.parse(body) as VoiceReply;
}

/** Waits until the grammar the recogniser has loaded contains `word` (grammar rebuilds are debounced), and returns it. */
export async function grammarWith(
  hub: Pick<TestHub, 'hub'>,
  word: string,
  what: string,
  timeoutMs: number,
): Promise<LoadedGrammar> {
  await until(() => hub.hub.voice().loadedGrammar()?.jsgf?.includes(word) === true, what, timeoutMs);
  return hub.hub.voice().loadedGrammar()!;
}

/**
 * Talk that is no command, each clip uploaded in turn: what acted anyway (`"said" -> "heard": reply`) and how many the
 * recogniser turned away. `after` runs after each (to answer a question the hub asked, say).
 */
export async function talkTo(
  hub: Pick<TestHub, 'runtime' | 'token'>,
  clips: readonly { text: string; wav: Buffer }[],
  after?: (heard: VoiceReply) => Promise<void>,
): Promise<{ acted: string[]; rejected: number }> {
  const acted: string[] = [];
  let rejected = 0;
  for (const clip of clips) {
    const heard = await speakTo(hub, clip.wav);
    if (heard.rejected) rejected++;
    if (heard.actions.length > 0) acted.push(`"${clip.text}" -> "${heard.transcript}": ${heard.reply}`);
    await after?.(heard);
  }
  return { acted, rejected };
}

/** What POST /voice answers, as the voice e2e tests read it. */
export interface VoiceReply {
  transcript: string;
  reply: string;
  rejected?: boolean;
  intent: { name: string } | null;
  actions: { type: string; deviceId?: string; command?: string }[];
}

/**
 * A hub hearing with pocketsphinx (commands decoded with `commandModel`, no spoken replies) and `definition`'s devices
 * online on its broker, returned once the recogniser has loaded commands that name `word` (one of the devices' words).
 */
export async function startVoiceHub(
  definition: HouseholdDefinition,
  word: string,
  commandModel: 'grammar' | 'ngram' = 'grammar',
): Promise<HubWithHousehold> {
  const started = await startHubWithHousehold(definition, {
    config: { voice: { recognizer: 'pocketsphinx', tts: { enabled: false }, pocketsphinx: { commandModel } } },
  });
  const voice = started.hub.hub.voice();
  try {
    await voice.refreshGrammar();
    await until(
      () => {
        const loaded = voice.loadedGrammar();
        return commandModel === 'ngram'
          ? loaded?.languageModel?.words.includes(word) === true
          : loaded?.jsgf?.includes(word) === true;
      },
      `the ${commandModel === 'ngram' ? 'language model' : 'grammar'} with ${word}`,
      120_000,
    );
    return started;
  } catch (err) {
    await started.household.stop();
    await started.hub.stop();
    throw err;
  }
}
