import type { Logger } from './logger.js';

/**
 * A typed event bus. Listeners are isolated: one that throws (or rejects) is logged
 * and the others still run, so a faulty skill or extension cannot break the hub.
 */
export class EventBus<Events extends { [K in keyof Events]: unknown }> {
  private readonly listeners = new Map<keyof Events, Set<(payload: never) => unknown>>();

  constructor(private readonly log: Logger) {}

  on<K extends keyof Events>(event: K, listener: (payload: Events[K]) => unknown): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener as (payload: never) => unknown);
    return () => this.off(event, listener);
  }

  off<K extends keyof Events>(event: K, listener: (payload: Events[K]) => unknown): void {
    this.listeners.get(event)?.delete(listener as (payload: never) => unknown);
  }

  emit<K extends keyof Events>(event: K, payload: Events[K]): void {
    const set = this.listeners.get(event);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        const result = (listener as (p: Events[K]) => unknown)(payload);
        if (result instanceof Promise) {
          result.catch((err: unknown) => this.log.error({ err, event: String(event) }, 'event listener failed'));
        }
      } catch (err) {
        this.log.error({ err, event: String(event) }, 'event listener failed');
      }
    }
  }

  listenerCount(event: keyof Events): number {
    return this.listeners.get(event)?.size ?? 0;
  }
}
