/**
 * What sounds until someone stops it: an alarm or reminder that came due, a timer that finished. A ring plays
 * a chime and its message on the satellites it belongs to, again every `repeatEveryMs`, until it is stopped,
 * snoozed, or `ringCapMs` has passed.
 */
import { randomUUID } from 'node:crypto';
import type { Clock, TimerHandle } from '../core/clock.js';
import type { EventBus } from '../core/event-bus.js';
import type { HubEvents } from '../core/events.js';
import type { Logger } from '../core/logger.js';
import type { RingFilter, Ringing, RingKind } from '../sdk/alarms.js';
import type { AlertsConfig } from './config.js';
import { satellitesFor, type SoundOutput } from './sound-output.js';

export type RingEnd = 'stopped' | 'snoozed' | 'capped' | 'removed';

export interface RingRequest {
  kind: RingKind;
  sourceId: string;
  message: string;
  area?: string;
  satellite?: string;
}

interface Active {
  ring: Ringing;
  request: RingRequest;
  repeat: TimerHandle | undefined;
  cap: TimerHandle;
  onEnd: ((reason: RingEnd) => void) | undefined;
}

export interface RingerDeps {
  output: SoundOutput;
  clock: Clock;
  bus: EventBus<HubEvents>;
  log: Logger;
  config: Pick<AlertsConfig, 'ringCapMs' | 'repeatEveryMs'>;
}

export class Ringer {
  private readonly active = new Map<string, Active>();

  constructor(private readonly deps: RingerDeps) {}

  /** Starts ringing; `onEnd` learns why it ended. A source already ringing rings once, with the new message. */
  ring(request: RingRequest, onEnd?: (reason: RingEnd) => void): Ringing {
    for (const a of this.active.values())
      if (a.ring.sourceId === request.sourceId) this.end(a, 'removed', { silence: false, tellOwner: false });
    const { clock, config } = this.deps;
    const now = clock.now();
    const ring: Ringing = {
      id: randomUUID(),
      kind: request.kind,
      sourceId: request.sourceId,
      message: request.message,
      ...(request.area !== undefined ? { area: request.area } : {}),
      satellites: satellitesFor(this.deps.output.satellites(), request),
      startedAt: now,
      endsAt: now + config.ringCapMs,
    };
    const entry: Active = {
      ring,
      request,
      repeat: undefined,
      onEnd,
      cap: clock.setTimeout(() => this.end(entry, 'capped'), config.ringCapMs),
    };
    this.active.set(ring.id, entry);
    this.deps.log.info(
      { ring: ring.id, kind: ring.kind, source: ring.sourceId, area: ring.area, satellites: ring.satellites },
      'ringing',
    );
    this.deps.bus.emit('ringStarted', { ring: { ...ring } });
    this.play(entry);
    return { ...ring };
  }

  list(filter: RingFilter = {}): Ringing[] {
    return [...this.active.values()].filter((a) => matches(a.ring, filter)).map((a) => ({ ...a.ring }));
  }

  /** Whether something rings there (the voice gate then takes "stop" without the wake phrase). */
  soundingAt(filter: RingFilter): boolean {
    return [...this.active.values()].some((a) => matches(a.ring, filter));
  }

  /** Ends the rings that match; `reason` is passed to their owners (a snooze re-arms the alarm). */
  stop(filter: RingFilter = {}, reason: RingEnd = 'stopped'): Ringing[] {
    const hit = [...this.active.values()].filter((a) => matches(a.ring, filter));
    for (const a of hit) this.end(a, reason);
    return hit.map((a) => ({ ...a.ring }));
  }

  /** Ends the ring of one alarm or timer (it was deleted or cancelled). */
  stopSource(sourceId: string, reason: RingEnd = 'removed'): boolean {
    const hit = [...this.active.values()].filter((a) => a.ring.sourceId === sourceId);
    for (const a of hit) this.end(a, reason);
    return hit.length > 0;
  }

  /** Satellites came (voice started after the alarms): rings nobody could hear yet sound now. */
  reachNewListeners(): void {
    for (const entry of this.active.values()) {
      if (entry.ring.satellites.length > 0) continue;
      if (entry.repeat) this.deps.clock.clearTimeout(entry.repeat);
      this.play(entry);
    }
  }

  /** Hub shutdown: clears the clocks' timers and tells the satellites to stop, without ending anything for the owners. */
  async shutdown(): Promise<void> {
    const satellites = new Set<string>();
    for (const a of this.active.values()) {
      this.clear(a);
      for (const s of a.ring.satellites) satellites.add(s);
    }
    this.active.clear();
    if (satellites.size > 0) await this.deps.output.silence([...satellites]);
  }

  private play(entry: Active): void {
    if (entry.ring.satellites.length === 0) {
      // Nobody could hear it when it started (satellites offline): look again at every repeat.
      entry.ring.satellites = satellitesFor(this.deps.output.satellites(), entry.request);
    }
    if (entry.ring.satellites.length > 0) {
      this.deps.output
        .say(entry.ring.satellites, entry.ring.message, { ring: true })
        .catch((err: unknown) => this.deps.log.error({ err, ring: entry.ring.id }, 'ring not played'));
    }
    entry.repeat = this.deps.clock.setTimeout(() => {
      if (this.active.has(entry.ring.id)) this.play(entry);
    }, this.deps.config.repeatEveryMs);
  }

  private end(
    entry: Active,
    reason: RingEnd,
    how: { silence: boolean; tellOwner: boolean } = { silence: true, tellOwner: true },
  ): void {
    if (!this.active.delete(entry.ring.id)) return;
    this.clear(entry);
    // Another ring still sounding on a satellite keeps it sounding.
    const stillSounding = new Set([...this.active.values()].flatMap((a) => a.ring.satellites));
    const quiet = entry.ring.satellites.filter((s) => !stillSounding.has(s));
    if (how.silence && quiet.length > 0)
      this.deps.output
        .silence(quiet)
        .catch((err: unknown) => this.deps.log.error({ err, ring: entry.ring.id }, 'satellites not told to stop'));
    this.deps.log.info({ ring: entry.ring.id, source: entry.ring.sourceId, reason }, 'ring ended');
    this.deps.bus.emit('ringEnded', { ring: { ...entry.ring }, reason });
    if (!how.tellOwner) return;
    try {
      entry.onEnd?.(reason);
    } catch (err) {
      this.deps.log.error({ err, ring: entry.ring.id }, 'ring owner failed after the ring ended');
    }
  }

  private clear(entry: Active): void {
    if (entry.repeat) this.deps.clock.clearTimeout(entry.repeat);
    this.deps.clock.clearTimeout(entry.cap);
    entry.repeat = undefined;
  }
}

/** A ring on that satellite or in that area; every ring when the filter is empty. */
function matches(ring: Ringing, filter: RingFilter): boolean {
  if (filter.area === undefined && filter.satellite === undefined) return true;
  if (filter.satellite !== undefined && ring.satellites.includes(filter.satellite)) return true;
  return filter.area !== undefined && ring.area === filter.area;
}
