/**
 * The public contract for skills: `defineSkill` and the context a skill receives.
 * A skill gets only what its manifest's permissions grant; everything else throws PERMISSION_DENIED.
 * (The skills runtime in hub/skills builds the context; this file only describes it.)
 */
import type { Device, DeviceCommand, DeviceState, DeviceType } from './devices.js';
import type { Intent, UtteranceContext } from './intents.js';

export type Permission =
  | 'devices:read'
  | 'devices:control'
  | `devices:control:${DeviceType}`
  | 'orders:read'
  | 'orders:create'
  | 'media'
  | 'notifications'
  | 'storage'
  | 'timers'
  | `http:${string}`;

export interface SkillLogger {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}

export interface SkillDevices {
  list(filter?: { type?: DeviceType; area?: string }): Promise<Device[]>;
  get(id: string): Promise<Device | undefined>;
  /** Sends the command and waits for the device's acknowledgement; returns the new state. */
  command(id: string, command: DeviceCommand): Promise<DeviceState>;
}

export interface SkillStorage {
  get<T = unknown>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface SkillContext {
  readonly skillId: string;
  readonly log: SkillLogger;
  readonly devices: SkillDevices;
  readonly storage: SkillStorage;
  notify(message: string, options?: { area?: string }): Promise<void>;
  /** Only hosts allow-listed by an `http:<host>` permission. */
  fetch(url: string, init?: { method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string }>;
}

/** One thing a skill did, reported back to the API and the voice log. */
export interface SkillAction {
  type: string;
  [key: string]: unknown;
}

export interface SkillResponse {
  reply: string;
  actions?: SkillAction[];
  /** The hub listens for a follow-up without the wake phrase (a confirmation, "which one?"). */
  expectFollowUp?: boolean;
}

export interface IntentDeclaration {
  /** Sentence templates in Hearth's template language. */
  sentences: string[];
  /** Slot lists this intent's sentences use beyond the built-in ones (name, area, floor…). */
  slots?: Record<string, { values?: string[]; wildcard?: boolean; range?: { from: number; to: number } }>;
}

export interface SkillDefinition {
  id: string;
  version: string;
  permissions: Permission[];
  intents: Record<string, IntentDeclaration>;
  handle(intent: Intent, ctx: SkillContext, utterance: UtteranceContext & { text: string }): Promise<SkillResponse> | SkillResponse;
}

export function defineSkill<const T extends SkillDefinition>(definition: T): T {
  return definition;
}
