/**
 * The `alarms` capability and `announce` (under `notifications`), checked like the rest of the CapabilityGate:
 * arguments by schema, the permission by the gate, the asker's satellite from the call scope (never from the skill).
 */
import { z } from 'zod';
import { alarmChangeSchema, alarmInputSchema, ringFilterSchema } from '../alerts/schemas.js';
import type { AlarmChange, AlarmInput, RingFilter } from '../sdk/alarms.js';
import { HubError } from '../sdk/errors.js';
import type { Permission, SkillAction } from '../sdk/skill.js';
import type { AlertsPort } from './ports.js';

const id = z.string().min(1).max(200);
const filter = ringFilterSchema.optional();

export const alarmSchemas = {
  'alarms.set': z.tuple([alarmInputSchema]),
  'alarms.list': z.tuple([
    z
      .strictObject({ kind: z.enum(['alarm', 'reminder']).optional(), user: z.string().min(1).max(100).optional() })
      .optional(),
  ]),
  'alarms.update': z.tuple([id, alarmChangeSchema]),
  'alarms.remove': z.tuple([id]),
  'alarms.ringing': z.tuple([filter]),
  'alarms.stop': z.tuple([filter]),
  'alarms.snooze': z.tuple([filter, z.number().int().min(60_000).max(3_600_000).optional()]),
  announce: z.tuple([
    z.string().trim().min(1).max(1000),
    z.strictObject({ area: z.string().min(1).max(100).optional() }).optional(),
  ]),
} as const;

export type AlarmMethod = keyof typeof alarmSchemas;

export interface AlarmCallScope {
  actions: SkillAction[];
  user?: string;
  satellite?: string;
}

export async function dispatchAlarms(
  method: AlarmMethod,
  a: unknown[],
  scope: AlarmCallScope,
  alerts: AlertsPort | undefined,
  require: (permission: Permission, what: string) => void,
): Promise<unknown> {
  if (method === 'announce') require('notifications', 'make announcements');
  else
    require('alarms', method === 'alarms.list' || method === 'alarms.ringing' ? 'read alarms' : 'set or change alarms');
  if (!alerts) throw new HubError('NOT_FOUND', 'this hub has no alarms service');
  switch (method) {
    case 'alarms.set': {
      const alarm = alerts.setAlarm(a[0] as AlarmInput);
      scope.actions.push({ type: 'alarm_set', alarmId: alarm.id, kind: alarm.kind, nextAt: alarm.nextAt });
      return alarm;
    }
    case 'alarms.list':
      return alerts.listAlarms((a[0] as { kind?: 'alarm' | 'reminder'; user?: string } | undefined) ?? {});
    case 'alarms.update': {
      const alarm = alerts.updateAlarm(a[0] as string, a[1] as AlarmChange);
      scope.actions.push({ type: 'alarm_updated', alarmId: alarm.id });
      return alarm;
    }
    case 'alarms.remove':
      alerts.removeAlarm(a[0] as string);
      scope.actions.push({ type: 'alarm_removed', alarmId: a[0] });
      return undefined;
    case 'alarms.ringing':
      return alerts.ringing((a[0] as RingFilter | undefined) ?? {});
    case 'alarms.stop': {
      const stopped = await alerts.silence((a[0] as RingFilter | undefined) ?? {});
      scope.actions.push({ type: 'ringing_stopped', rings: stopped.map((r) => r.id) });
      return stopped;
    }
    case 'alarms.snooze': {
      const snoozed = alerts.snooze((a[0] as RingFilter | undefined) ?? {}, a[1] as number | undefined);
      scope.actions.push({ type: 'alarm_snoozed', alarms: snoozed.map((s) => s.id), until: snoozed[0]?.snoozedUntil });
      return snoozed;
    }
    case 'announce': {
      const area = (a[1] as { area?: string } | undefined)?.area;
      const satellites = await alerts.announce({
        message: a[0] as string,
        ...(area !== undefined ? { area } : {}),
        ...(scope.satellite !== undefined ? { except: scope.satellite } : {}),
        ...(scope.user !== undefined ? { from: scope.user } : {}),
      });
      scope.actions.push({ type: 'announcement', satellites, ...(area !== undefined ? { area } : {}) });
      return { satellites };
    }
  }
}
