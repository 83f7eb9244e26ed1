import { HubError } from '../sdk/errors.js';

/** The time limits of one call into a skill (`skills.callTimeoutMs`, `skills.maxDeviceWaitMs`). */
export interface CallLimits {
  /** The skill's own time: running its code, not waiting for devices. */
  timeoutMs: number;
  /** In all, how long one call may wait for devices to acknowledge its commands. */
  maxDeviceWaitMs: number;
}

/**
 * A skill call's time limit counts the skill's own time only. While the hub waits for a device on the skill's
 * behalf the limit stands still, so a device that is slow or does not answer is the device's failure (it ends
 * with the device's own timeout), never the skill's: it cannot time a healthy skill out and get it disabled.
 * Device waits are capped in all, so a skill cannot run for ever by commanding a silent device again and again.
 * Wall-clock timers on purpose: a hung skill hangs in real time, whatever the hub's Clock says.
 */
export class CallBudget {
  private waiting = 0;
  private runningSince = Date.now();
  private pausedSince = 0;
  private ownLeftMs: number;
  private deviceWaitedMs = 0;
  private timer: NodeJS.Timeout | undefined;
  private ended = false;

  constructor(
    private readonly skillId: string,
    private readonly limits: CallLimits,
    private readonly expire: (err: HubError) => void,
  ) {
    this.ownLeftMs = limits.timeoutMs;
    this.arm(this.ownLeftMs, () => this.timeout());
  }

  /** Runs hub work for the skill (a device command) with the skill's clock stopped. */
  async waitFor<T>(work: Promise<T>): Promise<T> {
    if (this.waiting++ === 0 && !this.ended) this.pause();
    try {
      return await work;
    } finally {
      if (--this.waiting === 0 && !this.ended) this.resume();
    }
  }

  /** The call settled: no timer stays behind. */
  end(): void {
    this.ended = true;
    clearTimeout(this.timer);
  }

  private pause(): void {
    const now = Date.now();
    this.ownLeftMs -= now - this.runningSince;
    this.pausedSince = now;
    this.arm(this.limits.maxDeviceWaitMs - this.deviceWaitedMs, () =>
      this.fail(
        `skill "${this.skillId}" waited for devices longer than ${this.limits.maxDeviceWaitMs} ms in one call (skills.maxDeviceWaitMs)`,
      ),
    );
  }

  private resume(): void {
    const now = Date.now();
    this.deviceWaitedMs += now - this.pausedSince;
    this.runningSince = now;
    this.arm(this.ownLeftMs, () => this.timeout());
  }

  private timeout(): void {
    this.fail(`skill "${this.skillId}" did not answer within ${this.limits.timeoutMs} ms`);
  }

  private arm(ms: number, onFire: () => void): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(onFire, Math.max(0, ms));
  }

  private fail(message: string): void {
    if (this.ended) return;
    this.end();
    this.expire(new HubError('SKILL_TIMEOUT', message));
  }
}
