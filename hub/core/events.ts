import type { Device, DeviceState } from '../sdk/devices.js';
import type { Intent } from '../sdk/intents.js';
import type { Ringing } from '../sdk/alarms.js';
import type { SkillAction } from '../sdk/skill.js';

/**
 * Everything that happens in the hub, by name. Modules add their events here;
 * the API streams them to WebSocket clients.
 */
export interface HubEvents {
  deviceAdded: { device: Device };
  deviceUpdated: { device: Device };
  deviceRemoved: { deviceId: string };
  deviceStateChanged: { deviceId: string; state: DeviceState; changed: DeviceState };
  deviceAvailabilityChanged: { deviceId: string; available: boolean };
  /** A device published on its event topic (button pressed, consumable low, program done…). */
  deviceEvent: { deviceId: string; type: string; data: Record<string, unknown> };
  commandSent: { deviceId: string; correlationId: string; command: string; params?: Record<string, unknown> };
  commandCompleted: { deviceId: string; correlationId: string; ok: boolean; error?: string; ms: number };
  /**
   * Input the hub rejected: kept for the log and for tests that count rejections. In a flood they are rate-limited:
   * then one event stands for `count` refusals that were only counted.
   */
  inputRejected: {
    source: 'mqtt' | 'http' | 'skill' | 'voice';
    reason: string;
    topic?: string;
    clientId?: string;
    count?: number;
  };
  /** `actions`: what the skill reported doing, when it did anything (voice mutes its replies on `replies_muted`). */
  utteranceHandled: {
    text: string;
    intent?: Intent;
    reply: string;
    area?: string;
    timings?: Record<string, number>;
    actions?: SkillAction[];
  };
  buttonPressed: { buttonId: string; source: 'gpio' | 'mqtt' | 'api' };
  orderChanged: { orderId: string; status: string };
  /** The marketplace catalog was synced: product names (spoken in orders) may have changed. */
  catalogChanged: { products: number };
  notification: { message: string; area?: string };
  /** An alarm, reminder or finished timer started ringing (hub/alerts/ringer.ts). */
  ringStarted: { ring: Ringing };
  /** It stopped: by voice, the dashboard or the API (`stopped`), snoozed, at the ring cap (`capped`), or its alarm/timer was removed. */
  ringEnded: { ring: Ringing; reason: 'stopped' | 'snoozed' | 'capped' | 'removed' };
  /** Alarms or reminders were added, changed or removed (the dashboard reloads its list). */
  alarmsChanged: { alarmId: string; change: 'added' | 'updated' | 'removed' };
  /** A spoken announcement (HassBroadcast) went out to these satellites. */
  announcement: { message: string; area?: string; satellites: string[]; from?: string };
  /** A skill's sentences entered or left the language registry (loaded: installed or updated; unloaded: uninstalled or replaced), or it was enabled or disabled. */
  skillChanged: { skillId: string; change: 'loaded' | 'unloaded' | 'enabled' | 'disabled' };
  /** A new recogniser grammar (devices, areas, floors or skills changed): hub/voice loaded it (`VoiceService.loadedGrammar()`), or a standalone GrammarService exported it (`current()`). */
  grammarChanged: { version: number; words: number; jsgfBytes: number; phrases: number; unknownWords: string[] };
}

/**
 * Every HubEvents name at run time (the API streams them all over WebSocket).
 * Adding an event to HubEvents without listing it here is a compile error on purpose.
 */
const hubEventNameSet: Record<keyof HubEvents, true> = {
  deviceAdded: true,
  deviceUpdated: true,
  deviceRemoved: true,
  deviceStateChanged: true,
  deviceAvailabilityChanged: true,
  deviceEvent: true,
  commandSent: true,
  commandCompleted: true,
  inputRejected: true,
  utteranceHandled: true,
  buttonPressed: true,
  orderChanged: true,
  catalogChanged: true,
  notification: true,
  ringStarted: true,
  ringEnded: true,
  alarmsChanged: true,
  announcement: true,
  skillChanged: true,
  grammarChanged: true,
};
export const HUB_EVENT_NAMES = Object.keys(hubEventNameSet) as (keyof HubEvents)[];
