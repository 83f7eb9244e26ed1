/**
 * One answer per wake word. Satellites near each other hear the same "hey hearth" and all start streaming.
 * Streams that open within `windowMs` of the first are one contest: each is held until it has `measureMs` of audio
 * (or ends), and the one heard loudest (speech energy) takes the command; the others stand down and are never
 * decoded. A stream with no rival waits only until the window closes; its audio is kept, so nothing is lost.
 */
import type { Clock, TimerHandle } from '../../core/clock.js';
import { ChunkQueue } from './chunk-queue.js';
import { BYTES_PER_MS, toSamples, type AudioSource } from './pcm.js';

export interface ArbitrationConfig {
  /** Streams starting this close together heard the same wake word; 0 turns arbitration off. */
  windowMs: number;
  /** Audio compared per stream. */
  measureMs: number;
}

export type Verdict =
  | { won: true; source: AudioSource; energyDb: number; rivals: number }
  | { won: false; energyDb: number; winner: string };

interface Contender {
  key: string;
  source: AudioSource;
  /** Everything heard so far and from now on, for the winner's decoder. */
  relay: ChunkQueue<Buffer>;
  /** The first `measureMs` of audio, for the comparison. */
  measured: Buffer[];
  bytes: number;
  ended: boolean;
  lost: boolean;
  settle: (verdict: Verdict) => void;
}

interface Contest {
  members: Contender[];
  closesAt: number;
  closed: boolean;
  timer: TimerHandle | undefined;
  decided: boolean;
}

const FRAME_MS = 20;

export class WakeArbiter {
  private current: Contest | undefined;

  constructor(
    private readonly config: ArbitrationConfig,
    private readonly clock: Clock,
  ) {}

  /** Resolves once the contest this stream joined is decided. `key` names the satellite. */
  contend(key: string, source: AudioSource): Promise<Verdict> {
    if (this.config.windowMs <= 0) return Promise.resolve({ won: true, source, energyDb: 0, rivals: 0 });
    const now = this.clock.now();
    if (!this.current || this.current.closed || now > this.current.closesAt) this.current = this.openContest(now);
    const contest = this.current;
    return new Promise<Verdict>((settle) => {
      const contender: Contender = {
        key,
        source,
        relay: new ChunkQueue<Buffer>(),
        measured: [],
        bytes: 0,
        ended: false,
        lost: false,
        settle,
      };
      contest.members.push(contender);
      void this.pump(contest, contender);
    });
  }

  private openContest(now: number): Contest {
    const contest: Contest = {
      members: [],
      closesAt: now + this.config.windowMs,
      closed: false,
      timer: undefined,
      decided: false,
    };
    contest.timer = this.clock.setTimeout(() => {
      contest.closed = true;
      this.decideIfReady(contest);
    }, this.config.windowMs);
    return contest;
  }

  /** The only reader of a contender's stream: keeps its first `measureMs` for the comparison and relays all of it. */
  private async pump(contest: Contest, contender: Contender): Promise<void> {
    const enough = this.config.measureMs * BYTES_PER_MS;
    const iterator = contender.source.chunks()[Symbol.asyncIterator]();
    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done || contender.lost) break;
        contender.relay.push(next.value);
        if (contender.bytes < enough) {
          contender.measured.push(next.value);
          contender.bytes += next.value.length;
          if (contender.bytes >= enough) this.decideIfReady(contest);
        }
      }
    } catch {
      // A broken stream ends here; what arrived before still counts.
    }
    if (contender.lost) await iterator.return?.();
    contender.ended = true;
    contender.relay.end();
    this.decideIfReady(contest);
  }

  private decideIfReady(contest: Contest): void {
    if (contest.decided || !contest.closed) return;
    const enough = this.config.measureMs * BYTES_PER_MS;
    const alone = contest.members.length === 1;
    if (!alone && contest.members.some((m) => !m.ended && m.bytes < enough)) return;
    contest.decided = true;
    if (contest.timer) this.clock.clearTimeout(contest.timer);
    if (this.current === contest) this.current = undefined;
    const scored = contest.members.map((m) => ({ m, energy: speechEnergyDb(Buffer.concat(m.measured)) }));
    // Loudest first; on a tie the first to start keeps it.
    const best = scored.reduce((a, b) => (b.energy > a.energy ? b : a));
    for (const { m, energy } of scored) {
      if (m === best.m) m.settle({ won: true, source: relayed(m), energyDb: energy, rivals: scored.length - 1 });
      else {
        m.lost = true;
        m.settle({ won: false, energyDb: energy, winner: best.m.key });
      }
    }
  }
}

/** The winner's source again: what was held back during the contest, then the rest of the live stream. */
function relayed(contender: Contender): AudioSource {
  const { source, relay } = contender;
  return { name: source.name, ...(source.area !== undefined ? { area: source.area } : {}), chunks: () => relay };
}

/**
 * Loudness of the speech in a stretch of audio: the mean power (dBFS) of its loudest quarter of 20 ms frames, so
 * the silence before and after the words (which differs between satellites) does not count.
 */
export function speechEnergyDb(pcm: Buffer): number {
  const samples = toSamples(pcm);
  const frame = (FRAME_MS * BYTES_PER_MS) / 2;
  const powers: number[] = [];
  for (let start = 0; start + frame <= samples.length; start += frame) {
    let sum = 0;
    for (let i = start; i < start + frame; i++) sum += samples[i]! * samples[i]!;
    powers.push(sum / frame);
  }
  if (powers.length === 0) return -Infinity;
  powers.sort((a, b) => b - a);
  const top = powers.slice(0, Math.max(1, Math.ceil(powers.length / 4)));
  const mean = top.reduce((a, b) => a + b, 0) / top.length;
  return mean > 0 ? 10 * Math.log10(mean / (32768 * 32768)) : -Infinity;
}
