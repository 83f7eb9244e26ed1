/** Talking to a test hub's voice: a WAV uploaded to POST /voice, and waiting for the grammar the recogniser loads. */
import type { LoadedGrammar } from '../../hub/voice/service.js';
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

/** What POST /voice answers, as the voice e2e tests read it. */
export interface VoiceReply {
  transcript: string;
  reply: string;
  rejected?: boolean;
  intent: { name: string } | null;
  actions: { type: string; deviceId?: string; command?: string }[];
}
