/**
 * The main-thread side of every skill capability. Each call names its method and arguments; the gate checks
 * the arguments (they may come from an untrusted worker) and the skill's permissions before touching the hub.
 * The skill id is fixed per gate, so one skill can never reach another skill's storage or timers.
 */
import { z } from 'zod';
import type { Clock } from '../core/clock.js';
import type { EventBus } from '../core/event-bus.js';
import type { HubEvents } from '../core/events.js';
import type { Logger } from '../core/logger.js';
import type { CallBudget } from './call-budget.js';
import type { DeviceService } from '../devices/contracts.js';
import { confirmSettings, type ConfirmSettings, type PendingCommand } from '../sdk/confirm-dialog.js';
import type { Device, DeviceCommand } from '../sdk/devices.js';
import { DEVICE_TYPES, playsMedia } from '../../device-types/index.js';
import { HubError } from '../sdk/errors.js';
import type { PinPort } from '../sdk/pin-port.js';
import { pendingFor, sensitiveClass } from '../../device-types/sensitive-commands.js';
import type { OrderInput, Permission, SkillAction } from '../sdk/skill.js';
import { alarmSchemas, dispatchAlarms, type AlarmMethod } from './alarm-capabilities.js';
import type { AlertsPort, FetchFn, OrderCaller, OrdersPort } from './ports.js';
import type { SkillApiMethod } from './context.js';
import type { SkillStorageStore } from './storage.js';
import type { TimerScheduler } from './timer-scheduler.js';

export interface CapabilityDeps {
  devices: DeviceService;
  storage: SkillStorageStore;
  timers: TimerScheduler;
  bus: EventBus<HubEvents>;
  clock: Clock;
  log: Logger;
  orders?: OrdersPort;
  /** The household PIN check (hub/commerce's PinGuard); skills never see the hash. */
  pins?: PinPort;
  fetch?: FetchFn;
  /** Alarms, rings and announcements (hub/alerts); without it those calls answer NOT_FOUND. */
  alerts?: AlertsPort;
  /** `skills.confirm`: which commands that open the house the hub asks about (all, when absent). */
  confirm?: ConfirmSettings;
}

/** Per call: what the skill did, for the reply's `actions`. */
export interface CallScope {
  actions: SkillAction[];
  /** The person whose utterance the skill is handling: orders are bought as them. */
  user?: string;
  /** The satellite that heard the utterance: its announcements skip it. */
  satellite?: string;
  /** Commands that open the house, held by the gate until the person answers the hub's own question. */
  held?: PendingCommand[];
  /** Set only by the runtime while it sends what the person confirmed to the hub's question; no skill code runs then. */
  confirmedByHub?: boolean;
  /** The call's time limit (set by the executor): stands still while a device command waits for its device. */
  budget?: CallBudget;
}

export interface GateOptions {
  /** Built-in skills ask before opening the house themselves (hub/sdk/confirm-dialog.ts), so the gate does not ask again. */
  asksItself?: boolean;
}

const id = z.string().min(1).max(200);
const deviceFilter = z
  .strictObject({ type: z.enum(DEVICE_TYPES).optional(), area: z.string().max(100).optional() })
  .optional();
const command = z.strictObject({
  command: z.string().min(1).max(64),
  params: z.record(z.string(), z.unknown()).optional(),
});
const logData = z.record(z.string(), z.unknown()).optional();

const schemas = {
  log: z.tuple([z.enum(['debug', 'info', 'warn', 'error']), z.string().max(10_000), logData]),
  'devices.list': z.tuple([deviceFilter]),
  'devices.get': z.tuple([id]),
  'devices.command': z.tuple([id, command]),
  'media.players': z.tuple([z.strictObject({ area: z.string().max(100).optional() }).optional()]),
  'media.command': z.tuple([id, command]),
  'orders.create': z.tuple([
    z.strictObject({
      productId: z.string().max(200).optional(),
      query: z.string().max(500).optional(),
      quantity: z.number().int().min(1).max(100).optional(),
    }),
  ]),
  'orders.list': z.tuple([]),
  'orders.get': z.tuple([id]),
  'orders.prepare': z.tuple([
    z.strictObject({
      productId: z.string().max(200).optional(),
      query: z.string().max(500).optional(),
      quantity: z.number().int().min(1).max(100).optional(),
      items: z
        .array(z.strictObject({ productId: z.string().min(1).max(200), quantity: z.number().int().min(1).max(100) }))
        .min(1)
        .max(50)
        .optional(),
    }),
  ]),
  'orders.confirm': z.tuple([id, z.strictObject({ pin: z.string().max(16).optional() }).optional()]),
  'orders.decline': z.tuple([id]),
  'orders.cancel': z.tuple([id]),
  'orders.pantryBox': z.tuple([]),
  'orders.sendPantryBox': z.tuple([]),
  'storage.get': z.tuple([z.string()]),
  'storage.set': z.tuple([z.string(), z.unknown()]),
  'storage.delete': z.tuple([z.string()]),
  'storage.keys': z.tuple([]),
  'timers.start': z.tuple([
    z.strictObject({
      durationMs: z.number(),
      message: z.string(),
      name: z.string().max(100).optional(),
      area: z.string().max(100).optional(),
      satellite: z.string().max(100).optional(),
    }),
  ]),
  'timers.list': z.tuple([z.strictObject({ area: z.string().max(100).optional() }).optional()]),
  'timers.cancel': z.tuple([id]),
  'timers.pause': z.tuple([id]),
  'timers.resume': z.tuple([id]),
  'timers.adjust': z.tuple([id, z.number()]),
  notify: z.tuple([z.string().min(1).max(1000), z.strictObject({ area: z.string().max(100).optional() }).optional()]),
  ...alarmSchemas,
  verifyPin: z.tuple([z.string().max(64)]),
  fetch: z.tuple([
    z.string().max(4000),
    z
      .strictObject({
        method: z.string().max(10).optional(),
        headers: z.record(z.string(), z.string()).optional(),
        body: z.string().max(1_000_000).optional(),
      })
      .optional(),
  ]),
} as const satisfies Record<SkillApiMethod, z.ZodTuple>;

/** The schemas name exactly the calls `SkillContext` declares (the `satisfies` above fails otherwise). */
export type CapabilityMethod = keyof typeof schemas;

/** How many arguments each call takes, from its schema: the skill's ctx must pass the same (remote-context.test.ts). */
export const CAPABILITY_ARITY = Object.fromEntries(
  Object.entries(schemas).map(([method, schema]) => [method, schema.def.items.length]),
) as Record<CapabilityMethod, number>;

const MAX_HTTP_RESPONSE = 1024 * 1024;

export class CapabilityGate {
  private readonly granted: ReadonlySet<string>;
  private readonly log: Logger;
  /** Whether the hub asks about each class of command (`skills.confirm`); also words the hub's own question. */
  readonly confirmSettings: ConfirmSettings;

  constructor(
    readonly skillId: string,
    permissions: readonly Permission[],
    private readonly deps: CapabilityDeps,
    private readonly options: GateOptions = {},
  ) {
    this.granted = new Set(permissions);
    this.log = deps.log.child({ skill: skillId });
    this.confirmSettings = deps.confirm ?? confirmSettings({});
  }

  has(permission: Permission): boolean {
    return this.granted.has(permission);
  }

  /** Runs one capability call. Throws VALIDATION_FAILED for bad arguments and PERMISSION_DENIED naming the permission. */
  async invoke(method: string, args: unknown, scope: CallScope): Promise<unknown> {
    if (!Object.hasOwn(schemas, method)) throw new HubError('VALIDATION_FAILED', `skill API has no method "${method}"`);
    const parsed = schemas[method as CapabilityMethod].safeParse(args);
    if (!parsed.success)
      throw new HubError(
        'VALIDATION_FAILED',
        `bad arguments to ${method}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    return this.dispatch(method as CapabilityMethod, parsed.data as unknown[], scope);
  }

  private require(permission: Permission, what: string): void {
    if (!this.granted.has(permission)) this.deny(permission, what);
  }

  private deny(permission: string, what: string): never {
    this.deps.bus.emit('inputRejected', { source: 'skill', reason: `${this.skillId}: ${what} needs "${permission}"` });
    throw new HubError(
      'PERMISSION_DENIED',
      `skill "${this.skillId}" may not ${what}: add the "${permission}" permission to its manifest`,
      {
        skill: this.skillId,
        permission,
      },
    );
  }

  private async dispatch(method: CapabilityMethod, a: unknown[], scope: CallScope): Promise<unknown> {
    const { deps, skillId } = this;
    switch (method) {
      case 'log': {
        const [level, msg, data] = a as [
          'debug' | 'info' | 'warn' | 'error',
          string,
          Record<string, unknown> | undefined,
        ];
        this.log[level](data ?? {}, msg);
        return undefined;
      }
      case 'devices.list':
        this.require('devices:read', 'list devices');
        return deps.devices.list((a[0] as object | undefined) ?? {});
      case 'devices.get':
        this.require('devices:read', 'read devices');
        return deps.devices.get(a[0] as string);
      case 'devices.command': {
        const device = deps.devices.get(a[0] as string);
        const type = device?.type ?? 'unknown';
        if (!this.granted.has('devices:control') && !this.granted.has(`devices:control:${type}` as Permission))
          this.deny(`devices:control:${type}`, `control ${device ? `the ${type} "${device.name}"` : 'devices'}`);
        if (device) this.guardEntry(device, a[1] as DeviceCommand, scope);
        return this.sendCommand(a[0] as string, a[1] as { command: string; params?: Record<string, unknown> }, scope);
      }
      case 'media.players':
        this.require('media', 'use media players');
        return deps.devices.list((a[0] as { area?: string } | undefined) ?? {}).filter((d) => playsMedia(d.type));
      case 'media.command': {
        this.require('media', 'use media players');
        const device = deps.devices.require(a[0] as string);
        if (!playsMedia(device.type))
          this.deny(`devices:control:${device.type}`, `control the ${device.type} "${device.name}"`);
        return this.sendCommand(device.id, a[1] as { command: string; params?: Record<string, unknown> }, scope);
      }
      case 'orders.create': {
        this.require('orders:create', 'place orders');
        const order = await this.orders().create(skillId, a[0] as { productId?: string }, scope.user);
        scope.actions.push({ type: 'order_created', orderId: order.id, status: order.status });
        return order;
      }
      case 'orders.prepare': {
        this.require('orders:create', 'place orders');
        const prepared = await this.orders().prepare(this.caller(scope), a[0] as OrderInput);
        scope.actions.push(
          prepared.status === 'quoted'
            ? { type: 'order_quoted', totalCents: prepared.quote.totalCents, currency: prepared.quote.currency }
            : {
                type: `order_${prepared.status}`,
                ...(prepared.status === 'refused' ? { reason: prepared.reason } : {}),
              },
        );
        return prepared;
      }
      case 'orders.confirm': {
        this.require('orders:create', 'place orders');
        const options = (a[1] as { pin?: string } | undefined) ?? {};
        const confirmed = await this.orders().confirm(this.caller(scope), a[0] as string, options);
        scope.actions.push(
          confirmed.status === 'placed'
            ? { type: 'order_created', orderId: confirmed.order.id, status: confirmed.order.status }
            : {
                type: `order_${confirmed.status}`,
                ...(confirmed.status === 'refused' ? { reason: confirmed.reason } : {}),
              },
        );
        return confirmed;
      }
      case 'orders.decline':
        this.require('orders:create', 'place orders');
        await this.orders().decline(this.caller(scope), a[0] as string);
        scope.actions.push({ type: 'order_declined' });
        return undefined;
      case 'orders.cancel': {
        this.require('orders:create', 'cancel orders');
        const order = await this.orders().cancel(this.caller(scope), a[0] as string);
        scope.actions.push({ type: 'order_cancel_requested', orderId: order.id });
        return order;
      }
      case 'orders.pantryBox':
        this.require('orders:read', 'read the pantry box');
        return this.orders().pantryBox();
      case 'orders.sendPantryBox': {
        this.require('orders:create', 'place orders');
        const sent = await this.orders().sendPantryBox(this.caller(scope));
        scope.actions.push(
          sent.status === 'placed'
            ? { type: 'order_created', orderId: sent.order.id, status: sent.order.status }
            : { type: `order_${sent.status}`, ...(sent.status === 'refused' ? { reason: sent.reason } : {}) },
        );
        return sent;
      }
      case 'orders.list':
        this.require('orders:read', 'read orders');
        return this.orders().list();
      case 'orders.get':
        this.require('orders:read', 'read orders');
        return this.orders().get(a[0] as string);
      case 'storage.get':
        this.require('storage', 'use storage');
        return deps.storage.get(skillId, a[0] as string);
      case 'storage.set':
        this.require('storage', 'use storage');
        return deps.storage.set(skillId, a[0] as string, a[1]);
      case 'storage.delete':
        this.require('storage', 'use storage');
        return deps.storage.delete(skillId, a[0] as string);
      case 'storage.keys':
        this.require('storage', 'use storage');
        return deps.storage.keys(skillId);
      case 'timers.start': {
        this.require('timers', 'set timers');
        const timer = deps.timers.create(skillId, a[0] as { durationMs: number; message: string });
        scope.actions.push({
          type: 'timer_started',
          timerId: timer.id,
          durationMs: timer.durationMs,
          area: timer.area,
        });
        return timer;
      }
      case 'timers.list':
        this.require('timers', 'read timers');
        return deps.timers.list(skillId, (a[0] as { area?: string } | undefined) ?? {});
      case 'timers.cancel':
        this.require('timers', 'cancel timers');
        deps.timers.cancel(skillId, a[0] as string);
        scope.actions.push({ type: 'timer_cancelled', timerId: a[0] });
        return undefined;
      case 'timers.pause':
        this.require('timers', 'pause timers');
        return deps.timers.pause(skillId, a[0] as string);
      case 'timers.resume':
        this.require('timers', 'resume timers');
        return deps.timers.resume(skillId, a[0] as string);
      case 'timers.adjust':
        this.require('timers', 'change timers');
        return deps.timers.adjust(skillId, a[0] as string, a[1] as number);
      case 'notify': {
        this.require('notifications', 'send notifications');
        const area = (a[1] as { area?: string } | undefined)?.area;
        deps.bus.emit('notification', area ? { message: a[0] as string, area } : { message: a[0] as string });
        scope.actions.push({ type: 'notification', message: a[0], area });
        return undefined;
      }
      case 'verifyPin': {
        // The hub's own question may ask for the PIN on behalf of a skill that was never granted pin:verify.
        if (!scope.confirmedByHub) this.require('pin:verify', 'check the PIN');
        if (!this.deps.pins) throw new HubError('NOT_FOUND', 'this hub has no PIN service');
        const check = await this.deps.pins.verify(scope.user, a[0] as string);
        scope.actions.push({ type: 'pin_checked', status: check.status });
        return check;
      }
      case 'alarms.set':
      case 'alarms.list':
      case 'alarms.update':
      case 'alarms.remove':
      case 'alarms.ringing':
      case 'alarms.stop':
      case 'alarms.snooze':
      case 'announce':
        return dispatchAlarms(method satisfies AlarmMethod, a, scope, deps.alerts, (p, what) => this.require(p, what));
      case 'fetch':
        return this.fetch(
          a[0] as string,
          (a[1] as { method?: string; headers?: Record<string, string>; body?: string } | undefined) ?? {},
        );
      default:
        return method satisfies never;
    }
  }

  /**
   * A command that opens the house (device-types/sensitive-commands.ts) needs `devices:unlock`; a third-party skill's one is then
   * held and the runtime asks the person (hub-confirmation.ts), unless `skills.confirm` turned that class off.
   */
  private guardEntry(device: Device, cmd: DeviceCommand, scope: CallScope): void {
    const kind = sensitiveClass(device, cmd);
    if (!kind) return;
    if (!this.granted.has('devices:unlock')) {
      this.deps.bus.emit('inputRejected', {
        source: 'skill',
        reason: `${this.skillId}: ${cmd.command} ${device.id} needs "devices:unlock"`,
      });
      throw new HubError(
        'FORBIDDEN',
        `skill "${this.skillId}" may not send "${cmd.command}" to the ${device.type} "${device.name}" (${device.id}): that opens the house and needs the "devices:unlock" permission in its manifest, approved at install`,
        { skill: this.skillId, deviceId: device.id, command: cmd.command, permission: 'devices:unlock' },
      );
    }
    if (this.options.asksItself || scope.confirmedByHub || !this.confirmSettings.classes[kind]) return;
    const pending = pendingFor(device, cmd);
    (scope.held ??= []).push(pending);
    scope.actions.push({ type: 'confirmation_requested', deviceId: device.id, command: cmd.command });
    throw new HubError(
      'CONFIRMATION_REQUIRED',
      `the hub asks the person before it will ${pending.ask}, and sends the command itself after a yes`,
      {
        deviceId: device.id,
        command: cmd.command,
      },
    );
  }

  private async sendCommand(
    deviceId: string,
    cmd: { command: string; params?: Record<string, unknown> },
    scope: CallScope,
  ) {
    const action: SkillAction = { type: 'device_command', deviceId, command: cmd.command, ok: false };
    if (cmd.params) action.params = cmd.params;
    scope.actions.push(action);
    try {
      const sent = this.deps.devices.command(
        deviceId,
        cmd.params ? { command: cmd.command, params: cmd.params } : { command: cmd.command },
      );
      const result = await (scope.budget ? scope.budget.waitFor(sent) : sent);
      action.ok = true;
      action.ms = result.ms;
      return result.state;
    } catch (err) {
      action.error = err instanceof HubError ? err.code : 'INTERNAL';
      throw err;
    }
  }

  private caller(scope: CallScope): OrderCaller {
    return scope.user ? { skillId: this.skillId, user: scope.user } : { skillId: this.skillId };
  }

  private orders(): OrdersPort {
    if (!this.deps.orders)
      throw new HubError('NOT_FOUND', 'ordering is not available on this hub: enable commerce in the config');
    return this.deps.orders;
  }

  private async fetch(url: string, init: { method?: string; headers?: Record<string, string>; body?: string }) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new HubError('VALIDATION_FAILED', `"${url}" is not a URL`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw new HubError('VALIDATION_FAILED', `only http and https URLs may be fetched, not ${parsed.protocol}`);
    if (!this.granted.has(`http:${parsed.host}`) && !this.granted.has(`http:${parsed.hostname}`))
      this.deny(`http:${parsed.hostname}`, `reach ${parsed.hostname}`);
    const fetchFn = this.deps.fetch ?? (globalThis.fetch as unknown as FetchFn);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 10_000);
    try {
      const request: Parameters<FetchFn>[1] = {
        method: init.method ?? 'GET',
        headers: init.headers ?? {},
        signal: controller.signal,
      };
      if (init.body !== undefined) request.body = init.body;
      const response = await fetchFn(url, request);
      const body = await response.text();
      if (body.length > MAX_HTTP_RESPONSE)
        throw new HubError('PAYLOAD_TOO_LARGE', `response from ${parsed.hostname} exceeds ${MAX_HTTP_RESPONSE} bytes`);
      return { status: response.status, body };
    } finally {
      clearTimeout(timer);
    }
  }
}
