/**
 * Announces Hearth's Wyoming server as `<name>._wyoming._tcp.local.` (config `wyoming.zeroconf`), so Home
 * Assistant's Wyoming integration discovers it. The responder is @homebridge/ciao (RFC 6762/6763: probing,
 * announcements, goodbye packets), loaded only when announcing is on; it registers source-map-support on import.
 */
import { hostname } from 'node:os';
import type { ComponentStatus } from '../api/types.js';
import type { Logger } from '../core/logger.js';

export interface AnnouncementOptions {
  /** Instance name; unset: `hearth-<hostname>`. */
  name: string | undefined;
  port: number;
  /** The server's bind address: a specific one restricts the announcement to it. */
  host: string;
  log: Logger;
}

type Ciao = typeof import('@homebridge/ciao');
type Responder = ReturnType<Ciao['getResponder']>;
type Service = ReturnType<Responder['createService']>;

const ANY_ADDRESS = new Set(['0.0.0.0', '::']);

/** A DNS label: 63 bytes at most; the hostname's first label, lower case. */
export function defaultInstanceName(): string {
  const host = hostname()
    .split('.')[0]!
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-');
  return `hearth-${host}`.slice(0, 63);
}

export class WyomingAnnouncement {
  private responder: Responder | undefined;
  private service: Service | undefined;
  private readonly name: string;

  constructor(private readonly options: AnnouncementOptions) {
    this.name = options.name ?? defaultInstanceName();
  }

  async start(): Promise<void> {
    const ciao = (await import('@homebridge/ciao')).default;
    const { port, host } = this.options;
    this.responder = ciao.getResponder();
    this.service = this.responder.createService({
      name: this.name,
      type: 'wyoming',
      port,
      ...(ANY_ADDRESS.has(host) ? {} : { restrictedAddresses: [host] }),
    });
    await this.service.advertise();
    this.options.log.info({ name: this.name, port }, 'Wyoming server announced over zeroconf');
  }

  async stop(): Promise<void> {
    const { service, responder } = this;
    this.service = this.responder = undefined;
    await service?.end().catch(() => undefined);
    await service?.destroy().catch(() => undefined);
    await responder?.shutdown().catch(() => undefined);
  }

  status(): ComponentStatus {
    if (!this.service) return { status: 'stopped', detail: 'not announced' };
    return { status: 'ok', detail: `announced as "${this.name}._wyoming._tcp.local." on port ${this.options.port}` };
  }
}
