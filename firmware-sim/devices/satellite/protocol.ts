/**
 * The satellite audio protocol as the firmware sees it (the hub's side: hub/voice/audio/satellite-protocol.ts,
 * documented in hub/voice/README.md). Copied, not imported: firmware may only depend on hub/sdk.
 *
 *   hearth/<id>/audio  satellite → hub: binary = 16 kHz mono s16le PCM; JSON = {"type":"audio_start","area"?} / {"type":"audio_end"}
 *   hearth/<id>/tts    hub → satellite: the spoken reply as a 16 kHz mono 16-bit WAV
 *   hearth/<id>/control hub → satellite JSON: {"type":"sounding","active"} (listen for "stop" without the wake word while
 *                      true), {"type":"stop"} (stop playing now), {"type":"stand_down"} (another satellite took this wake word)
 *   hearth/<id>/satellite satellite → hub, retained JSON {"area"?}: "I am a satellite"; empty to take it back
 */
import { TOPIC_ROOT } from '../../../hub/sdk/protocol.js';

export const SATELLITE_SAMPLE_RATE = 16_000;
export const SATELLITE_BYTES_PER_MS = (SATELLITE_SAMPLE_RATE * 2) / 1000;

export const satelliteTopics = {
  audio: (id: string) => `${TOPIC_ROOT}/${id}/audio`,
  tts: (id: string) => `${TOPIC_ROOT}/${id}/tts`,
  control: (id: string) => `${TOPIC_ROOT}/${id}/control`,
  hello: (id: string) => `${TOPIC_ROOT}/${id}/satellite`,
} as const;

export type HubCommand = { type: 'sounding'; active: boolean } | { type: 'stop' } | { type: 'stand_down' };

/** A control message from the hub, or undefined for anything else (ignored, as firmware would). */
export function parseHubCommand(payload: Buffer): HubCommand | undefined {
  try {
    const value = JSON.parse(payload.toString('utf8')) as { type?: unknown; active?: unknown };
    if (value.type === 'sounding' && typeof value.active === 'boolean')
      return { type: 'sounding', active: value.active };
    if (value.type === 'stop' || value.type === 'stand_down') return { type: value.type };
  } catch {
    // not JSON
  }
  return undefined;
}

export function hello(area?: string): Buffer {
  return Buffer.from(JSON.stringify(area ? { area } : {}));
}

export function audioStart(area?: string): Buffer {
  return Buffer.from(JSON.stringify(area ? { type: 'audio_start', area } : { type: 'audio_start' }));
}

export function audioEnd(): Buffer {
  return Buffer.from(JSON.stringify({ type: 'audio_end' }));
}
