/** A device's own MQTT client on a test hub: its credentials minted through the API, then a connection with them. */
import mqtt, { type MqttClient } from 'mqtt';
import type { TestHub } from './hub.js';

export async function connectDevice(hub: TestHub, deviceId: string, extraTopics?: string[]): Promise<MqttClient> {
  const cred = await hub.api('POST', `/devices/${deviceId}/credentials`, extraTopics ? { extraTopics } : {});
  if (cred.status !== 201) throw new Error(`credentials for ${deviceId}: ${cred.status} ${JSON.stringify(cred.body)}`);
  return mqtt.connectAsync(hub.runtime.mqtt.url, {
    clientId: cred.body.username,
    username: cred.body.username,
    password: cred.body.password,
    reconnectPeriod: 0,
  });
}
