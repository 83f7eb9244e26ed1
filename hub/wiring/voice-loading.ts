/**
 * Voice loads after the API listens: the recogniser and its grammar take 0.1-0.5 s (pocketsphinx model + the
 * grammar exported from the live templates), and nothing else waits for them. Until voice is up, /status says
 * `loading` for the recogniser and `POST /voice` answers 503 saying so; typed commands already work.
 */
import type { ComponentStatus } from '../api/types.js';
import type { Logger } from '../core/logger.js';
import type { VoiceService } from '../voice/service.js';

export const VOICE_LOADING_DETAIL =
  'voice is still loading (speech recogniser and grammar); voice commands work in a few seconds, typed commands work now';

export class VoiceLoading {
  private loading: Promise<void> | undefined;
  private state: 'idle' | 'loading' | 'ready' | 'failed' | 'stopped' = 'idle';
  private failure: string | undefined;

  constructor(
    private readonly voice: VoiceService,
    private readonly log: Logger,
  ) {}

  /** Starts voice; the promise settles when it is ready (or rejects with the start's error). Once only. */
  begin(): Promise<void> {
    this.loading ??= (async () => {
      this.state = 'loading';
      try {
        await this.voice.start();
        this.state = 'ready';
      } catch (err) {
        this.state = 'failed';
        this.failure = (err as Error).message;
        this.log.error({ err }, 'voice failed to start');
        throw err;
      }
    })();
    return this.loading;
  }

  /** Why voice cannot take audio yet, or undefined once it has started (the voice routes handle the rest). */
  notReady(): string | undefined {
    if (this.state === 'ready') return undefined;
    if (this.state === 'failed') return `voice failed to start: ${this.failure}; see the hub's log`;
    if (this.state === 'stopped') return 'voice is stopped: the hub is shutting down';
    return VOICE_LOADING_DETAIL;
  }

  /** The `recognizer` entry of /status. */
  status(): ComponentStatus {
    if (this.state === 'idle' || this.state === 'loading') return { status: 'loading', detail: VOICE_LOADING_DETAIL };
    if (this.state === 'failed') return { status: 'missing', detail: this.notReady() ?? '' };
    return this.voice.status(); // ready, or stopped (the service says so itself)
  }

  /** Waits for a start still under way, then stops voice (stopping a voice service that never started is harmless). */
  async stop(): Promise<void> {
    await this.loading?.catch(() => undefined);
    this.state = 'stopped';
    await this.voice.stop();
  }
}
