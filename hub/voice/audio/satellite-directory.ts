/**
 * Which satellites the hub can speak to: those that announced themselves (a retained `hearth/<id>/satellite`
 * message, satellite-protocol.ts) or have streamed audio, minus those the registry says are offline.
 */
import type { MqttTransport } from '../../mqtt/transport.js';
import { DEVICE_ID_PATTERN } from '../../sdk/protocol.js';
import { parseSatelliteHello, satelliteTopics } from './satellite-protocol.js';

export interface KnownSatellite {
  id: string;
  area?: string;
}

export interface SatelliteDirectoryOptions {
  transport: MqttTransport;
  /** The satellite's area from the registry, when its hello names none. */
  areaOf?: (satelliteId: string) => string | undefined;
  /** False when the registry knows the device and its last availability said offline. */
  isOnline?: (satelliteId: string) => boolean;
  onRejected?: (reason: string, topic: string) => void;
}

export class SatelliteDirectory {
  /** id → the area its hello named (undefined: ask the registry). */
  private readonly known = new Map<string, string | undefined>();
  private unsubscribe: (() => Promise<void>) | undefined;

  constructor(private readonly options: SatelliteDirectoryOptions) {}

  async start(): Promise<void> {
    this.unsubscribe = await this.options.transport.subscribe(satelliteTopics.helloFilter, (message) =>
      this.onHello(message.topic, message.payload),
    );
  }

  async stop(): Promise<void> {
    await this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** A satellite that streamed audio is one, hello or not. */
  noteStream(satelliteId: string): void {
    if (!this.known.has(satelliteId)) this.known.set(satelliteId, undefined);
  }

  list(): KnownSatellite[] {
    const out: KnownSatellite[] = [];
    for (const [id, said] of this.known) {
      if (this.options.isOnline && !this.options.isOnline(id)) continue;
      const area = said ?? this.options.areaOf?.(id);
      out.push(area !== undefined ? { id, area } : { id });
    }
    return out;
  }

  private onHello(topic: string, payload: Buffer): void {
    const id = topic.split('/')[1] ?? '';
    if (!DEVICE_ID_PATTERN.test(id)) return;
    const hello = parseSatelliteHello(payload);
    if (hello === 'invalid') this.options.onRejected?.('satellite hello is not {"area"?: "<area id>"}', topic);
    else if (hello === 'gone') this.known.delete(id);
    else this.known.set(id, hello.area);
  }
}
