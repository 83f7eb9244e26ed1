/**
 * A native decoder handles one utterance at a time. Sessions wait their turn in order;
 * audio for a waiting session is buffered and replayed once it gets the decoder.
 */
export class DecoderLock {
  private busy = false;
  private readonly waiters: (() => void)[] = [];

  tryAcquire(): boolean {
    if (this.busy) return false;
    this.busy = true;
    return true;
  }

  /** Resolves once the caller holds the decoder. */
  acquire(): Promise<void> {
    if (this.tryAcquire()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.busy = false;
  }
}

/** What a native engine does for one utterance, once it holds the decoder. */
export interface EngineUtterance {
  begin(): void;
  feed(pcm: Buffer): void;
  /** RecognitionSession.partial. */
  partial?(): string | undefined;
  finish(): Omit<import('./types.js').RecognitionResult, 'ms'>;
  abort(): void;
}

/** Runs an engine utterance under the lock and times the engine calls. */
export function lockedSession(lock: DecoderLock, engine: EngineUtterance): import('./types.js').RecognitionSession {
  let engineMs = 0;
  const timed = <T>(fn: () => T): T => {
    const t0 = performance.now();
    try {
      return fn();
    } finally {
      engineMs += performance.now() - t0;
    }
  };
  let holding = lock.tryAcquire();
  let pending: Buffer[] | undefined;
  let cancelled = false;
  let done = false;
  let granted: Promise<void> = Promise.resolve();
  if (holding) timed(() => engine.begin());
  else {
    pending = [];
    granted = lock.acquire().then(() => {
      holding = true;
      if (cancelled) return;
      timed(() => engine.begin());
      for (const pcm of pending ?? []) timed(() => engine.feed(pcm));
      pending = undefined;
    });
  }
  const release = () => {
    if (holding) lock.release();
    holding = false;
  };
  return {
    feed(pcm) {
      if (done || cancelled) return;
      if (pending) pending.push(Buffer.from(pcm));
      else timed(() => engine.feed(pcm));
    },
    partial() {
      // Waiting for the decoder, nothing is decoded yet.
      if (pending || done || cancelled) return undefined;
      return engine.partial && timed(() => engine.partial!());
    },
    async end() {
      if (done || cancelled) throw new Error('utterance already ended');
      done = true;
      await granted;
      try {
        const result = timed(() => engine.finish());
        return { ...result, ms: Math.round(engineMs * 100) / 100 };
      } finally {
        release();
      }
    },
    cancel() {
      if (done || cancelled) return;
      cancelled = true;
      void granted.then(() => {
        if (holding && !done) engine.abort();
        release();
      });
    },
  };
}
