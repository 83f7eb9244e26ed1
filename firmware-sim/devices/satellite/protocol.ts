/**
 * The satellite audio protocol as the firmware sees it (the hub's side: hub/voice/audio/satellite-protocol.ts,
 * documented in hub/voice/README.md). Copied, not imported: firmware may only depend on hub/sdk.
 *
 *   hearth/<id>/audio  satellite → hub: binary = 16 kHz mono s16le PCM; JSON = {"type":"audio_start","area"?} / {"type":"audio_end"}
 *   hearth/<id>/tts    hub → satellite: the spoken reply as a 16 kHz mono 16-bit WAV
 */
import { TOPIC_ROOT } from '../../../hub/sdk/protocol.js';

export const SATELLITE_SAMPLE_RATE = 16_000;
export const SATELLITE_BYTES_PER_MS = (SATELLITE_SAMPLE_RATE * 2) / 1000;

export const satelliteTopics = {
  audio: (id: string) => `${TOPIC_ROOT}/${id}/audio`,
  tts: (id: string) => `${TOPIC_ROOT}/${id}/tts`,
} as const;

export function audioStart(area?: string): Buffer {
  return Buffer.from(JSON.stringify(area ? { type: 'audio_start', area } : { type: 'audio_start' }));
}

export function audioEnd(): Buffer {
  return Buffer.from(JSON.stringify({ type: 'audio_end' }));
}
