/**
 * What the sessions of one device may keep in the broker, bounded. A device may connect under client ids of its
 * own (`lamp`, `lamp:2`…), each with a persistent session whose subscriptions are stored, and every QoS 1 message
 * to a topic such a session subscribed is queued for it while it is offline, in memory and in SQLite. Unbounded,
 * one device grew the broker's file by 250 MB with 100 publishes of 8 KB into 200 offline sessions of its own
 * (re-running the issue 13 probe). Counted per device (the client id before ':'), from what is stored at start on.
 */
import { usernameOfClientId } from './access-control.js';

export interface SessionLimits {
  /** Client ids of one device with stored subscriptions (persistent sessions). */
  maxSessionsPerDevice: number;
  /** Subscriptions one connection may hold. */
  maxSubscriptionsPerClient: number;
  /** Messages queued for all offline sessions of one device together, and their bytes. */
  maxQueuedMessagesPerDevice: number;
  maxQueuedBytesPerDevice: number;
}

interface Queued {
  messages: number;
  bytes: number;
}

export class SessionBudget {
  /** Device → client ids with stored subscriptions. */
  private readonly sessions = new Map<string, Set<string>>();
  private readonly queued = new Map<string, Queued>();

  constructor(private readonly limits: SessionLimits) {}

  /** Stored subscriptions of `clientId` now exist (true) or are all gone (false). */
  sessionStored(clientId: string, exists: boolean): void {
    const owner = usernameOfClientId(clientId);
    const ids = this.sessions.get(owner);
    if (exists) {
      if (ids) ids.add(clientId);
      else this.sessions.set(owner, new Set([clientId]));
    } else if (ids?.delete(clientId) && ids.size === 0) this.sessions.delete(owner);
  }

  /**
   * Why a subscription may not be granted to a connection that holds `held` already (undefined: it may).
   * `persistent`: the connection keeps its session, so granting it stores a session for its device.
   */
  subscribeProblem(clientId: string, held: number, persistent: boolean): string | undefined {
    if (held >= this.limits.maxSubscriptionsPerClient) {
      return `client "${clientId}" already holds ${this.limits.maxSubscriptionsPerClient} subscriptions (mqtt.maxSubscriptionsPerClient)`;
    }
    if (!persistent) return undefined;
    const owner = usernameOfClientId(clientId);
    const ids = this.sessions.get(owner);
    if (ids?.has(clientId) || (ids?.size ?? 0) < this.limits.maxSessionsPerDevice) return undefined;
    return `device "${owner}" already keeps ${this.limits.maxSessionsPerDevice} persistent sessions (mqtt.maxSessionsPerDevice); reuse one of their client ids or connect with CleanSession=1`;
  }

  /** Whether a message of `bytes` may be queued for offline session `clientId`; counted if so. */
  enqueue(clientId: string, bytes: number): boolean {
    const owner = usernameOfClientId(clientId);
    const queued = this.queued.get(owner) ?? { messages: 0, bytes: 0 };
    if (
      queued.messages + 1 > this.limits.maxQueuedMessagesPerDevice ||
      queued.bytes + bytes > this.limits.maxQueuedBytesPerDevice
    )
      return false;
    queued.messages++;
    queued.bytes += bytes;
    this.queued.set(owner, queued);
    return true;
  }

  /** A queued message was delivered and acknowledged (or dropped with its session). */
  dequeued(clientId: string, bytes: number): void {
    const owner = usernameOfClientId(clientId);
    const queued = this.queued.get(owner);
    if (!queued) return;
    queued.messages = Math.max(0, queued.messages - 1);
    queued.bytes = Math.max(0, queued.bytes - bytes);
    if (queued.messages === 0) this.queued.delete(owner);
  }

  queuedFor(owner: string): Queued {
    return { ...(this.queued.get(owner) ?? { messages: 0, bytes: 0 }) };
  }
}
