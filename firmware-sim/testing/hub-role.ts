import { randomUUID } from 'node:crypto';
import type { MqttClient } from 'mqtt';
import { ackPayloadSchema, topics, type AckPayload, type CommandPayload } from '../../hub/sdk/index.js';
import { TopicRecorder } from './loopback-broker.js';

/** Plays the hub's side of hub/sdk/protocol.ts over a plain MQTT client: send a command, wait for its ack. */
export class HubRole {
  readonly recorder: TopicRecorder;

  private constructor(private readonly client: MqttClient) {
    this.recorder = new TopicRecorder(client);
  }

  static async attach(client: MqttClient): Promise<HubRole> {
    const role = new HubRole(client);
    await client.subscribeAsync(['hearth/+/state', 'hearth/+/ack', 'hearth/+/availability', 'hearth/+/event'], {
      qos: 1,
    });
    return role;
  }

  async command(
    deviceId: string,
    command: string,
    params?: Record<string, unknown>,
    timeoutMs = 30_000,
  ): Promise<AckPayload> {
    const payload: CommandPayload = { id: randomUUID(), command, ...(params ? { params } : {}) };
    await this.client.publishAsync(topics.set(deviceId), JSON.stringify(payload), { qos: 1 });
    return this.ackFor(deviceId, payload.id, timeoutMs);
  }

  async ackFor(deviceId: string, id: string, timeoutMs = 30_000): Promise<AckPayload> {
    const message = await this.recorder.next(
      (m) => m.topic === topics.ack(deviceId) && m.payload.includes(`"${id}"`),
      timeoutMs,
    );
    return ackPayloadSchema.parse(JSON.parse(message.payload));
  }

  async publishRaw(deviceId: string, payload: string | Buffer): Promise<void> {
    await this.client.publishAsync(topics.set(deviceId), payload, { qos: 1 });
  }

  /** Latest state the device published, parsed. */
  lastState(deviceId: string): Record<string, unknown> | undefined {
    const states = this.recorder.messages.filter((m) => m.topic === topics.state(deviceId));
    const last = states[states.length - 1];
    return last ? (JSON.parse(last.payload) as Record<string, unknown>) : undefined;
  }

  events(deviceId: string): Record<string, unknown>[] {
    return this.recorder.messages
      .filter((m) => m.topic === topics.event(deviceId))
      .map((m) => JSON.parse(m.payload) as Record<string, unknown>);
  }

  availability(deviceId: string): string[] {
    return this.recorder.messages.filter((m) => m.topic === topics.availability(deviceId)).map((m) => m.payload);
  }
}
