/**
 * The slow password checks left (scrypt hashes stored by older hubs, rewritten as HMAC once they succeed) wait
 * here: at most `concurrency` run at once on the thread pool, at most `maxWaiting` wait, and a check whose client
 * hung up leaves the queue. A flood of CONNECTs can so never queue thousands of checks in front of a real device,
 * and stopping the hub does not wait for them (the probe's SIGTERM took 128 s).
 */
import { HubError } from '../sdk/errors.js';

interface Waiting {
  start(): void;
  fail(err: Error): void;
}

export interface SlowCheckQueueOptions {
  concurrency: number;
  maxWaiting: number;
}

/** One scrypt check at a time (the thread pool stays free for the rest of the hub), 32 waiting at most. */
export const DEFAULT_SLOW_CHECKS: SlowCheckQueueOptions = { concurrency: 1, maxWaiting: 32 };

export class SlowCheckQueue {
  private running = 0;
  private readonly waiting: Waiting[] = [];

  constructor(private readonly options: SlowCheckQueueOptions) {}

  /** Runs `check` when a slot is free; rejects at once with TOO_MANY_REQUESTS when the queue is full. */
  run<T>(check: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(cancelled());
    if (this.running < this.options.concurrency) return this.start(check);
    if (this.waiting.length >= this.options.maxWaiting) {
      return Promise.reject(
        new HubError(
          'TOO_MANY_REQUESTS',
          `${this.waiting.length} password checks are already waiting; try again shortly.`,
        ),
      );
    }
    return new Promise<T>((resolve, reject) => {
      const entry: Waiting = {
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          this.start(check).then(resolve, reject);
        },
        fail: (err) => {
          signal?.removeEventListener('abort', onAbort);
          reject(err);
        },
      };
      const onAbort = () => {
        const index = this.waiting.indexOf(entry);
        if (index >= 0) this.waiting.splice(index, 1);
        entry.fail(cancelled());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(entry);
    });
  }

  get pending(): number {
    return this.waiting.length;
  }

  /** Fails every waiting check (the hub is stopping); running ones finish on their own. */
  clear(reason: Error): void {
    for (const entry of this.waiting.splice(0)) entry.fail(reason);
  }

  private async start<T>(check: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await check();
    } finally {
      this.running--;
      this.waiting.shift()?.start();
    }
  }
}

function cancelled(): HubError {
  return new HubError('DEVICE_UNAVAILABLE', 'the client hung up before its password was checked');
}
