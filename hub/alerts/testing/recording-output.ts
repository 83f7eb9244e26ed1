/** Test helpers for hub/alerts: a SoundOutput that records what each satellite was told. */
import type { SatelliteInfo, SayOptions, SoundOutput } from '../sound-output.js';

export interface Played {
  satellite: string;
  text: string;
  ring: boolean;
}

export class RecordingOutput implements SoundOutput {
  readonly played: Played[] = [];
  readonly silenced: string[][] = [];

  constructor(public online: SatelliteInfo[] = []) {}

  satellites(): readonly SatelliteInfo[] {
    return this.online;
  }

  async say(satellites: readonly string[], text: string, options: SayOptions = {}): Promise<void> {
    for (const satellite of satellites) this.played.push({ satellite, text, ring: options.ring === true });
  }

  async silence(satellites: readonly string[]): Promise<void> {
    this.silenced.push([...satellites]);
  }

  heardBy(satellite: string): string[] {
    return this.played.filter((p) => p.satellite === satellite).map((p) => p.text);
  }
}
