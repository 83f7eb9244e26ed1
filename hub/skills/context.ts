/**
 * Builds the `ctx` a skill sees from one function that forwards capability calls. In process the function calls
 * the CapabilityGate directly; in a worker it sends the call to the main thread. Either way the gate decides.
 */
import type { Device, DeviceState } from '../sdk/devices.js';
import type { Alarm, Ringing } from '../sdk/alarms.js';
import type { PinCheck } from '../sdk/pin-port.js';
import type { HttpResponse, OrderConfirmation, OrderPreparation, ProductRef, SkillContext, SkillOrder, SkillTimer } from '../sdk/skill.js';

export type Invoke = (method: string, args: unknown[]) => Promise<unknown>;

export function createSkillContext(skillId: string, config: Record<string, unknown>, now: () => number, invoke: Invoke): SkillContext {
  const call = <T>(method: string, ...args: unknown[]) => invoke(method, args) as Promise<T>;
  const log = (level: 'debug' | 'info' | 'warn' | 'error') => (msg: string, data?: Record<string, unknown>) => {
    void invoke('log', [level, String(msg), data]).catch(() => undefined);
  };
  return Object.freeze({
    skillId,
    config: Object.freeze({ ...config }),
    now,
    log: Object.freeze({ debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') }),
    devices: Object.freeze({
      list: (filter?: object) => call<Device[]>('devices.list', filter),
      get: (id: string) => call<Device | undefined>('devices.get', id),
      command: (id: string, command: object) => call<DeviceState>('devices.command', id, command),
    }),
    media: Object.freeze({
      players: (filter?: object) => call<Device[]>('media.players', filter),
      command: (id: string, command: object) => call<DeviceState>('media.command', id, command),
    }),
    orders: Object.freeze({
      create: (input: object) => call<SkillOrder>('orders.create', input),
      list: () => call<SkillOrder[]>('orders.list'),
      get: (id: string) => call<SkillOrder | undefined>('orders.get', id),
      prepare: (input: object) => call<OrderPreparation>('orders.prepare', input),
      confirm: (token: string, options?: { pin?: string }) => call<OrderConfirmation>('orders.confirm', token, options),
      decline: (token: string) => call<void>('orders.decline', token),
      cancel: (id: string) => call<SkillOrder>('orders.cancel', id),
      pantryBox: () => call<{ items: (ProductRef & { quantity: number })[] }>('orders.pantryBox'),
      sendPantryBox: () => call<OrderConfirmation>('orders.sendPantryBox'),
    }),
    storage: Object.freeze({
      get: <T>(key: string) => call<T | undefined>('storage.get', key),
      set: (key: string, value: unknown) => call<void>('storage.set', key, value),
      delete: (key: string) => call<void>('storage.delete', key),
      keys: () => call<string[]>('storage.keys'),
    }),
    timers: Object.freeze({
      start: (input: object) => call<SkillTimer>('timers.start', input),
      list: (filter?: object) => call<SkillTimer[]>('timers.list', filter),
      cancel: (id: string) => call<void>('timers.cancel', id),
      pause: (id: string) => call<SkillTimer>('timers.pause', id),
      resume: (id: string) => call<SkillTimer>('timers.resume', id),
      adjust: (id: string, deltaMs: number) => call<SkillTimer>('timers.adjust', id, deltaMs),
    }),
    alarms: Object.freeze({
      set: (input: object) => call<Alarm>('alarms.set', input),
      list: (filter?: object) => call<Alarm[]>('alarms.list', filter),
      update: (id: string, change: object) => call<Alarm>('alarms.update', id, change),
      remove: (id: string) => call<void>('alarms.remove', id),
      ringing: (filter?: object) => call<Ringing[]>('alarms.ringing', filter),
      stop: (filter?: object) => call<Ringing[]>('alarms.stop', filter),
      snooze: (filter?: object, ms?: number) => call<Alarm[]>('alarms.snooze', filter, ms),
    }),
    notify: (message: string, options?: { area?: string }) => call<void>('notify', message, options),
    announce: (message: string, options?: { area?: string }) => call<{ satellites: string[] }>('announce', message, options),
    fetch: (url: string, init?: object) => call<HttpResponse>('fetch', url, init),
    verifyPin: (pin: string) => call<PinCheck>('verifyPin', pin),
  }) as SkillContext;
}
