/**
 * How a network satellite (a microphone in another room) streams audio to the hub over MQTT.
 * It lives under the satellite's own subtree, so the broker ACL (hearth/<id>/#) already allows it.
 *
 *   hearth/<id>/audio   satellite → hub
 *       binary payload: 16 kHz mono s16le PCM, any size (20–200 ms per message is typical)
 *       JSON payload:   {"type":"audio_start","area"?: "<area id>"}   optional; opens a new utterance, says where
 *                       {"type":"audio_end"}                            the person stopped talking (or the button was released)
 *   hearth/<id>/tts     hub → satellite    binary payload: the spoken reply as a 16 kHz mono 16-bit WAV
 *   hearth/<id>/control hub → satellite    JSON: {"type":"sounding","active":true|false}  something rings there (an alarm, a
 *                                                timer): listen for "stop" without the wake word until it is false
 *                                                {"type":"stop"}        stop playing now (a ring, a long reply)
 *                                                {"type":"stand_down"}  another satellite heard the same wake word louder
 *                                                                       and took the command: stop streaming, say nothing
 *   hearth/<id>/satellite  satellite → hub, retained JSON {"area"?: "<area id>"}: "I am a satellite" (announcements and
 *                          rings reach it); an empty retained message takes it back
 *
 * Control messages share the audio topic so they keep their order with the audio
 * (MQTT 3.1.1 §4.6: messages on one topic at one QoS arrive in the order sent). Publish at QoS 0 or 1, not mixed.
 * A stream with no message for `voice.satelliteIdleMs` ends as if audio_end had been sent.
 */
import { z } from 'zod';
import { TOPIC_ROOT } from '../../sdk/protocol.js';

export const satelliteTopics = {
  audio: (satelliteId: string) => `${TOPIC_ROOT}/${satelliteId}/audio`,
  tts: (satelliteId: string) => `${TOPIC_ROOT}/${satelliteId}/tts`,
  control: (satelliteId: string) => `${TOPIC_ROOT}/${satelliteId}/control`,
  hello: (satelliteId: string) => `${TOPIC_ROOT}/${satelliteId}/satellite`,
  audioFilter: `${TOPIC_ROOT}/+/audio`,
  helloFilter: `${TOPIC_ROOT}/+/satellite`,
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

/** What the hub tells a satellite besides the reply audio. */
export type SatelliteCommand = { type: 'sounding'; active: boolean } | { type: 'stop' } | { type: 'stand_down' };

export const satelliteHelloSchema = z.strictObject({ area: z.string().min(1).max(64).optional() });
export type SatelliteHello = z.infer<typeof satelliteHelloSchema>;

/** A retained hello: the satellite and its area; `gone` for the empty message that removes it; `invalid` otherwise. */
export function parseSatelliteHello(payload: Buffer): SatelliteHello | 'gone' | 'invalid' {
  if (payload.length === 0) return 'gone';
  if (payload.length > 512) return 'invalid';
  try {
    const parsed = satelliteHelloSchema.safeParse(JSON.parse(payload.toString('utf8')));
    return parsed.success ? parsed.data : 'invalid';
  } catch {
    return 'invalid';
  }
}
