/**
 * Retained messages per device, bounded. The broker keeps a retained message per topic until it is cleared, in
 * memory and in SQLite, so a device publishing retained messages on ever new topics inside its own tree
 * (`hearth/lamp/x1`, `hearth/lamp/x2`…) would grow both without end. Each retained topic belongs to one device by
 * its shape alone, because grants never overlap (access-control.ts `extraTopicProblem`); this counts them per
 * device, from the stored ones at start on.
 */
import { DISCOVERY_ROOT } from './access-control.js';

/** The device a topic belongs to: `hearth/<id>/…`, `homeassistant/<component>/<id>/…` or `<root>/<id>/…`. */
export function topicOwner(topic: string): string | undefined {
  const levels = topic.split('/', 3);
  if (levels[0] === DISCOVERY_ROOT) return levels[2] || undefined;
  return levels[1] || undefined;
}

export class RetainedTopics {
  private readonly byOwner = new Map<string, Set<string>>();

  constructor(private readonly maxPerDevice: number) {}

  /** A retained message was stored (`cleared`: an empty payload removed it). */
  stored(topic: string, cleared: boolean): void {
    const owner = topicOwner(topic);
    if (owner === undefined) return;
    const topics = this.byOwner.get(owner);
    if (cleared) {
      topics?.delete(topic);
      if (topics?.size === 0) this.byOwner.delete(owner);
    } else if (topics) topics.add(topic);
    else this.byOwner.set(owner, new Set([topic]));
  }

  /**
   * Why a retained message on `topic` may not be stored now (undefined: it may; it is then counted at once, so a
   * burst of new topics cannot all pass before the first is stored).
   */
  admit(topic: string): string | undefined {
    const owner = topicOwner(topic);
    if (owner === undefined) return undefined;
    const topics = this.byOwner.get(owner);
    if (topics?.has(topic)) return undefined;
    if ((topics?.size ?? 0) >= this.maxPerDevice) {
      return `device "${owner}" already has ${this.maxPerDevice} retained topics (mqtt.maxRetainedTopicsPerDevice); clear one with an empty retained message first`;
    }
    this.stored(topic, false);
    return undefined;
  }

  count(owner: string): number {
    return this.byOwner.get(owner)?.size ?? 0;
  }
}
