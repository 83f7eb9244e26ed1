import { spawn } from 'node:child_process';
import type { Logger } from '../core/logger.js';
import { HubError } from '../sdk/errors.js';
import { encodeWav, wavToPcm } from './audio/wav.js';

export interface SpokenReply {
  /** Always present: the reply is shown even when it cannot be spoken. */
  text: string;
  /** 16 kHz mono 16-bit WAV, when a speech synthesiser is installed. */
  wav?: Buffer;
}

export interface TextToSpeech {
  synthesize(text: string): Promise<SpokenReply>;
  /** Plays on the hub's own speaker; never throws (a hub without a speaker still answers in text). */
  playLocal(text: string): Promise<boolean>;
}

export interface EspeakOptions {
  command: string;
  voice: string;
  speed: number;
  enabled: boolean;
  log: Logger;
}

function runEspeak(command: string, args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args);
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(
        new HubError(
          'INTERNAL',
          `cannot run ${command} (${err.code ?? err.message}); install it with "apt install espeak-ng" or set voice.tts.enabled: false`,
        ),
      ),
    );
    child.on('close', (code) =>
      code === 0
        ? resolve(Buffer.concat(out))
        : reject(new HubError('INTERNAL', `${command} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}

/** Replies spoken with espeak-ng; the text always comes back, the audio only when espeak-ng works. */
export class EspeakTts implements TextToSpeech {
  constructor(private readonly options: EspeakOptions) {}

  private args(text: string): string[] {
    // `--` keeps a reply that starts with "-" from being read as an option.
    return ['-v', this.options.voice, '-s', String(this.options.speed), '--', text];
  }

  async synthesize(text: string): Promise<SpokenReply> {
    if (!this.options.enabled || text.trim() === '') return { text };
    try {
      const wav = await runEspeak(this.options.command, ['--stdout', ...this.args(text)]);
      return { text, wav: encodeWav(await wavToPcm(wav)) };
    } catch (err) {
      this.options.log.warn({ err: (err as Error).message }, 'reply not spoken');
      return { text };
    }
  }

  async playLocal(text: string): Promise<boolean> {
    if (!this.options.enabled || text.trim() === '') return false;
    try {
      await runEspeak(this.options.command, this.args(text));
      return true;
    } catch (err) {
      this.options.log.warn({ err: (err as Error).message }, 'reply not played on the local speaker');
      return false;
    }
  }
}
