/**
 * Who a CONNECT is, or why it is refused (with its CONNACK return code, MQTT 3.1.1 §3.2.2.3): the credential,
 * the client id rules, the last will, and a per-address backoff after wrong passwords. No aedes here, so the
 * embedded broker only bridges its hooks to this.
 */
import type { Clock } from '../core/clock.js';
import { LoginThrottle, type ThrottleOptions } from '../core/login-throttle.js';
import { isHubError } from '../sdk/errors.js';
import { clientIdAllowed, deviceIdentity, willProblem, type ClientIdentity } from './access-control.js';
import type { CredentialService } from './contracts.js';

export const RETURN_CODE = {
  IDENTIFIER_REJECTED: 2,
  SERVER_UNAVAILABLE: 3,
  BAD_USERNAME_OR_PASSWORD: 4,
  NOT_AUTHORIZED: 5,
} as const;

export interface ConnectAttempt {
  clientId: string;
  clean: boolean;
  /** The client sent a zero-length id (aedes then made one up). */
  emptyClientId: boolean;
  will: { topic: string; payload?: Buffer | string } | undefined;
  username: string | undefined;
  password: Buffer | undefined;
  /** The peer's address: wrong passwords are counted per address. */
  address: string;
  /** Aborts when the client hung up: a check still waiting for its turn is dropped. */
  hungUp: AbortSignal;
}

export type ConnectDecision =
  | { ok: true; identity: ClientIdentity }
  | {
      ok: false;
      returnCode: number;
      reason: string /** Not logged one by one: the backoff logged its start. */;
      quiet?: boolean;
    }
  /** The client is gone; nothing to answer. */
  | { ok: false; gone: true };

export interface ConnectAuthDeps {
  credentials: CredentialService & {
    verifyAsync?(username: string, password: string, signal?: AbortSignal): Promise<boolean>;
    /** Where slow checks wait; cleared when the broker stops. */
    readonly slowChecks?: { clear(reason: Error): void };
  };
  allowAnonymous: boolean;
  maxPayloadBytes: number;
  backoff: ThrottleOptions & { floodPerSecond: number };
  clock: Clock;
  /** An address started waiting (once per block, however many CONNECTs it then sends). */
  onBackoff(address: string, waitMs: number): void;
}

export class ConnectAuth {
  private readonly throttle: LoginThrottle;
  private failures = { since: 0, count: 0 };

  constructor(private readonly deps: ConnectAuthDeps) {
    this.throttle = new LoginThrottle(deps.clock, deps.backoff);
  }

  /**
   * How long connections from `address` are still refused after wrong passwords (0: not). The broker asks this
   * when a connection is accepted and closes a waiting address's socket at once: a flood from it then costs an
   * accept and a close, not a client, a parse and a CONNACK each.
   */
  backoffMs(address: string): number {
    return this.throttle.waitMs([addressKey(address)]);
  }

  async decide(attempt: ConnectAttempt): Promise<ConnectDecision> {
    const key = addressKey(attempt.address);
    // A client that already hung up learns nothing from an answer, so it gets no check; but connecting and
    // hanging up again and again is flooding, and counts like a wrong password.
    if (attempt.hungUp.aborted) {
      this.failed(key, attempt.address);
      return { ok: false, gone: true };
    }
    // A server may assign an id only to a client that asks for a clean session [MQTT-3.1.3-7, MQTT-3.1.3-8].
    if (attempt.emptyClientId && !attempt.clean)
      return refuse(RETURN_CODE.IDENTIFIER_REJECTED, 'a zero-length client id needs CleanSession=1 (MQTT-3.1.3-8)');
    if (attempt.username === undefined || attempt.username === '') {
      if (!this.deps.allowAnonymous)
        return refuse(RETURN_CODE.NOT_AUTHORIZED, 'anonymous connection refused (no username)');
      return this.withWill(attempt, { kind: 'anonymous' });
    }
    const waitMs = this.throttle.waitMs([key]);
    if (waitMs > 0)
      return {
        ok: false,
        returnCode: RETURN_CODE.SERVER_UNAVAILABLE,
        reason: `too many wrong passwords from ${attempt.address}; wait ${Math.ceil(waitMs / 1000)} s`,
        quiet: true,
      };
    const { credentials } = this.deps;
    const secret = attempt.password?.toString('utf8') ?? '';
    let verified: boolean;
    try {
      verified = credentials.verifyAsync
        ? await credentials.verifyAsync(attempt.username, secret, attempt.hungUp)
        : credentials.verify(attempt.username, secret);
    } catch (err) {
      if (attempt.hungUp.aborted) return { ok: false, gone: true };
      if (isHubError(err) && err.code === 'TOO_MANY_REQUESTS')
        return refuse(RETURN_CODE.SERVER_UNAVAILABLE, `password checks are busy (${err.message})`);
      throw err;
    }
    const credential = verified ? credentials.get(attempt.username) : undefined;
    if (!credential) {
      this.failed(key, attempt.address);
      return refuse(RETURN_CODE.BAD_USERNAME_OR_PASSWORD, `bad username or password for "${attempt.username}"`);
    }
    if (!clientIdAllowed(attempt.username, attempt.clientId)) {
      return refuse(
        RETURN_CODE.IDENTIFIER_REJECTED,
        `client id "${attempt.clientId}" must be "${attempt.username}" or "${attempt.username}:<suffix>"`,
      );
    }
    return this.withWill(attempt, deviceIdentity(credential));
  }

  /**
   * While wrong passwords arrive faster than `backoff.floodPerSecond` from all addresses together, the hub is being
   * flooded, maybe from many addresses: each one then waits from its first failure on, not after its free ones,
   * so the flood is cut off at accept() within a second instead of costing a full CONNECT per free attempt.
   */
  private failed(key: string, address: string): void {
    const now = this.deps.clock.now();
    if (now - this.failures.since >= 1000) this.failures = { since: now, count: 0 };
    this.failures.count++;
    const flooded = this.failures.count > this.deps.backoff.floodPerSecond;
    this.throttle.failed([key], flooded ? 0 : undefined);
    const blockedMs = this.throttle.waitMs([key]);
    if (blockedMs > 0) this.deps.onBackoff(address, blockedMs);
  }

  /** A will is a publish made later on the client's behalf: the same ACL, checked now (CONNACK 5 otherwise). */
  private withWill(attempt: ConnectAttempt, identity: ClientIdentity): ConnectDecision {
    const problem = attempt.will ? willProblem(identity, attempt.will, this.deps.maxPayloadBytes) : undefined;
    return problem ? refuse(RETURN_CODE.NOT_AUTHORIZED, problem) : { ok: true, identity };
  }
}

function addressKey(address: string): string {
  return `address:${address}`;
}

function refuse(returnCode: number, reason: string): ConnectDecision {
  return { ok: false, returnCode, reason };
}
