/**
 * How a network satellite (a microphone in another room) streams audio to the hub over MQTT.
 * It lives under the satellite's own subtree, so the broker ACL (hearth/<id>/#) already allows it.
 *
 *   hearth/<id>/audio   satellite → hub
 *       binary payload: 16 kHz mono s16le PCM, any size (20–200 ms per message is typical)
 *       JSON payload:   {"type":"audio_start","area"?: "<area id>"}   optional; opens a new utterance, says where
 *                       {"type":"audio_end"}                            the person stopped talking (or the button was released)
 *   hearth/<id>/tts     hub → satellite    binary payload: the spoken reply as a 16 kHz mono 16-bit WAV
 *
 * Control messages share the audio topic so they keep their order with the audio
 * (MQTT 3.1.1 §4.6: messages on one topic at one QoS arrive in the order sent). Publish at QoS 0 or 1, not mixed.
 * A stream with no message for `idleTimeoutMs` ends as if audio_end had been sent.
 */
import { z } from 'zod';
import { TOPIC_ROOT } from '../../sdk/protocol.js';

export const satelliteTopics = {
  audio: (satelliteId: string) => `${TOPIC_ROOT}/${satelliteId}/audio`,
  tts: (satelliteId: string) => `${TOPIC_ROOT}/${satelliteId}/tts`,
  audioFilter: `${TOPIC_ROOT}/+/audio`,
} as const;

export const satelliteControlSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('audio_start'), area: z.string().min(1).max(64).optional() }),
  z.strictObject({ type: z.literal('audio_end') }),
]);
export type SatelliteControl = z.infer<typeof satelliteControlSchema>;

/** A control message is a small JSON object; anything else on the audio topic is PCM. */
export function parseSatelliteControl(payload: Buffer): SatelliteControl | 'pcm' | 'invalid' {
  if (payload.length === 0 || payload.length > 512 || payload[0] !== 0x7b /* { */) return 'pcm';
  let json: unknown;
  try {
    json = JSON.parse(payload.toString('utf8'));
  } catch {
    return 'pcm';
  }
  const parsed = satelliteControlSchema.safeParse(json);
  return parsed.success ? parsed.data : 'invalid';
}
