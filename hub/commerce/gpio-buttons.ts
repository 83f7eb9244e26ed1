import type { Logger } from '../core/logger.js';
import type { ButtonConfig } from './config.js';

interface GpioLike {
  watch(cb: (err: Error | null | undefined, value: number) => void): void;
  unexport(): void;
}
export interface GpioModule {
  Gpio: {
    accessible: boolean;
    new (
      pin: number,
      direction: 'in',
      edge: 'rising' | 'falling' | 'both',
      options: { debounceTimeout: number; activeLow: boolean },
    ): GpioLike;
  };
}

/**
 * Watches the GPIO pins of the current buttons through onoff, and re-wires them when the buttons are
 * edited. Where GPIO is not accessible (a laptop, a container) it says so and the hub carries on with
 * MQTT and API buttons.
 */
export class GpioButtons {
  private readonly pins: GpioLike[] = [];
  /** Start, rewire and stop run one after another, so two quick edits cannot leave a pin watched twice. */
  private queue: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly buttons: () => readonly ButtonConfig[],
    private readonly log: Logger,
    private readonly onPress: (buttonId: string) => void,
    private readonly loadGpio: () => Promise<GpioModule> = async () => (await import('onoff')) as unknown as GpioModule,
  ) {}

  /** Returns how many pins are being watched. */
  start(): Promise<number> {
    this.stopped = false;
    return this.enqueue(() => this.wire());
  }

  /** Lets go of every pin and watches the pins of the buttons as they are now. */
  rewire(): Promise<number> {
    return this.enqueue(async () => {
      this.release();
      return this.stopped ? 0 : this.wire();
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.enqueue(async () => this.release());
  }

  private enqueue<T>(step: () => Promise<T>): Promise<T> {
    const next = this.queue.then(step);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private release(): void {
    for (const pin of this.pins.splice(0)) pin.unexport();
  }

  private async wire(): Promise<number> {
    const wired = this.buttons().filter((b) => b.gpio);
    if (!wired.length) return 0;
    let mod: GpioModule;
    try {
      mod = await this.loadGpio();
    } catch (err) {
      this.log.warn(
        { err: err instanceof Error ? err.message : String(err) },
        'GPIO library could not be loaded; GPIO buttons are disabled, MQTT and API buttons still work',
      );
      return 0;
    }
    if (!mod.Gpio.accessible) {
      this.log.warn(
        { buttons: wired.map((b) => b.id) },
        'GPIO is not accessible on this machine (no /sys/class/gpio or no permission); GPIO buttons are disabled, MQTT and API buttons still work',
      );
      return 0;
    }
    for (const b of wired) {
      try {
        const pin = new mod.Gpio(b.gpio!.pin, 'in', b.gpio!.edge, {
          debounceTimeout: b.gpio!.debounceMs,
          activeLow: b.gpio!.activeLow,
        });
        pin.watch((err) => {
          if (err) this.log.warn({ err: err.message, button: b.id }, 'GPIO watch error');
          else this.onPress(b.id);
        });
        this.pins.push(pin);
      } catch (err) {
        this.log.warn(
          { err: err instanceof Error ? err.message : String(err), button: b.id, pin: b.gpio!.pin },
          'could not open GPIO pin; this button works via MQTT or the API only',
        );
      }
    }
    return this.pins.length;
  }
}
