/**
 * The hub's own speaker as a room speaker (config `voice.speaker`): rings and announcements for its area (or for
 * everyone) play there too. Each WAV is piped to the configured player (`aplay -q -` by default), one at a time;
 * "stop" kills the one playing and drops the rest. A player that cannot run is logged; the hub carries on.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Logger } from '../core/logger.js';
import type { KnownSatellite } from './audio/satellite-directory.js';
import type { RoomSpeakers } from './room-speakers.js';

export interface LocalSpeakerOptions {
  /** Its id among the satellites (`GET /satellites`, rings' `satellites`). */
  id: string;
  area: string;
  command: string;
  args: readonly string[];
  log: Logger;
}

export class LocalSpeaker implements RoomSpeakers {
  private queue: Promise<void> = Promise.resolve();
  private playing: ChildProcess | undefined;
  /** Bumped by `stop`: messages queued before it are not played. */
  private generation = 0;

  constructor(private readonly options: LocalSpeakerOptions) {}

  list(): readonly KnownSatellite[] {
    return [{ id: this.options.id, area: this.options.area }];
  }

  /** Resolves once the player has been handed the audio (or it was dropped by `stop`), not when it has finished playing. */
  play(_id: string, wav: Buffer): Promise<void> {
    const generation = this.generation;
    let handed: () => void = () => undefined;
    const sent = new Promise<void>((resolve) => (handed = resolve));
    this.queue = this.queue.then(async () => {
      if (generation !== this.generation) return handed();
      await this.playNow(wav, handed);
    });
    return sent;
  }

  async stop(): Promise<void> {
    this.generation++;
    this.playing?.kill('SIGTERM');
  }

  private playNow(wav: Buffer, handed: () => void): Promise<void> {
    const { command, args, log } = this.options;
    return new Promise((resolve) => {
      const child = spawn(command, [...args], { stdio: ['pipe', 'ignore', 'pipe'] });
      this.playing = child;
      let stderr = '';
      child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-500)));
      child.stdin!.on('error', () => undefined); // a player that exits early (or is stopped) closes its input
      child.once('error', (err: NodeJS.ErrnoException) => {
        log.warn({ err: err.code ?? err.message, command }, 'cannot play on the hub speaker (voice.speaker.command)');
      });
      child.once('close', (code, signal) => {
        if (this.playing === child) this.playing = undefined;
        if (code !== 0 && signal === null)
          log.warn({ command, code, stderr: stderr.trim() }, 'the hub speaker player failed');
        handed();
        resolve();
      });
      child.stdin!.end(wav, handed);
    });
  }
}
