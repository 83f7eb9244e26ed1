/**
 * Something in a room the hub can speak through on its own account (rings, announcements): the MQTT satellites,
 * the Wyoming satellites Hearth drives, the hub's own speaker. SatelliteOutput synthesises a message once and hands
 * the WAV to the group that owns each satellite id.
 */
import type { MqttSatellites } from './audio/mqtt-satellites.js';
import type { KnownSatellite, SatelliteDirectory } from './audio/satellite-directory.js';

export interface RoomSpeakers {
  /** The ones that can be heard now (connected), with their areas. */
  list(): readonly KnownSatellite[];
  /** Plays a 16 kHz mono WAV; `ring`: something sounds until stopped (the satellite may listen for "stop" without its wake word). */
  play(id: string, wav: Buffer, options: { ring: boolean }): Promise<void>;
  /** Cuts what it plays now and tells it nothing sounds any more (as far as the device can be told). */
  stop(id: string): Promise<void>;
}

/** The MQTT satellites: those the directory knows; audio on their tts topic, `sounding`/`stop` on their control topic. */
export function mqttSpeakers(directory: SatelliteDirectory, satellites: MqttSatellites): RoomSpeakers {
  return {
    list: () => directory.list(),
    async play(id, wav, { ring }) {
      if (ring) await satellites.command(id, { type: 'sounding', active: true });
      await satellites.speak(id, wav);
    },
    stop: (id) => satellites.command(id, { type: 'stop' }),
  };
}
