import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadConfig } from '../../config/load.js';
import { silentLogger } from '../../core/logger.js';
import { HubError, type ErrorCode } from '../../sdk/errors.js';
import { microphoneSource } from '../../voice/audio/microphone.js';
import { encodeWav } from '../../voice/audio/wav.js';
import { Endpointer } from '../../voice/vad.js';
import { hubLocationOptions, parse } from '../args.js';
import { locateHub, type HubLocation } from '../client.js';
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliCommand } from '../command.js';

interface VoiceReply {
  transcript: string;
  intent: { name: string; slots: Record<string, unknown> } | null;
  reply: string;
  ignored?: string;
  timings: Record<string, number>;
}

async function postWav(location: HubLocation, wav: Buffer, query: URLSearchParams): Promise<VoiceReply> {
  const headers: Record<string, string> = { 'content-type': 'audio/wav' };
  if (location.token) headers.authorization = `Bearer ${location.token}`;
  let res: Response;
  try {
    res = await fetch(`${location.url}/api/v1/voice?${query}`, {
      method: 'POST',
      headers,
      body: wav,
      signal: AbortSignal.timeout(60_000),
    });
  } catch {
    throw new HubError(
      'DEVICE_UNAVAILABLE',
      `Cannot reach the hub at ${location.url}; is it running (hearth start)? Pass --url if it listens elsewhere.`,
    );
  }
  const body = (await res.json().catch(() => undefined)) as
    | (VoiceReply & { error?: { code: ErrorCode; message: string } })
    | undefined;
  if (!res.ok) {
    if (body?.error) throw new HubError(body.error.code, body.error.message);
    throw new HubError('INTERNAL', `The hub answered ${res.status}.`);
  }
  return body!;
}

/** Records one utterance from the local microphone: stops at the end of speech (VAD) or after maxUtteranceMs. */
async function recordUtterance(
  configFile: string | undefined,
  env: Record<string, string | undefined>,
  cwd: string,
): Promise<Buffer> {
  const config = loadConfig({ env, cwd, ...(configFile ? { configFile } : {}) });
  const mic = microphoneSource({ ...config.voice.microphone, log: silentLogger });
  const vad = new Endpointer(config.voice.vad);
  const parts: Buffer[] = [];
  for await (const chunk of mic.chunks()) {
    let ended = false;
    for (const event of vad.process(chunk)) {
      if (event.type === 'end') ended = true;
      else parts.push(event.pcm);
    }
    if (ended) break;
  }
  if (parts.length === 0)
    throw new HubError(
      'AUDIO_UNAVAILABLE',
      'no speech was heard from the microphone; speak after starting "hearth listen", or use --file',
    );
  return encodeWav(Buffer.concat(parts));
}

export const listenCommand: CliCommand = {
  name: 'listen',
  summary: 'Speak a command (microphone or a WAV file) to the running hub and print what it heard and did',
  usage: `hearth listen [--file x.wav] [--area AREA] [--dry-run] [--json]
              [--url URL] [--token TOKEN] [--data-dir DIR] [--config FILE]

  With --file, posts the WAV to POST /api/v1/voice (any rate; the hub converts it with sox).
  Without it, records one utterance from the microphone in voice.microphone (until you stop talking).
  --area is the room the command is heard in; --dry-run understands and sends nothing.
  Exit code 1 when nothing was understood.`,
  async run(args, io) {
    const { values, positionals } = parse(args, {
      ...hubLocationOptions,
      file: { type: 'string' },
      area: { type: 'string' },
      'dry-run': { type: 'boolean' },
    });
    if (positionals.length > 0)
      throw new UsageError(`unexpected argument "${positionals[0]}"; pass a recording with --file x.wav`);
    const location = locateHub(values, io);
    let wav: Buffer;
    if (values.file) {
      const path = resolve(io.cwd, values.file);
      wav = await readFile(path).catch((err: NodeJS.ErrnoException) => {
        throw new UsageError(`cannot read ${path} (${err.code ?? err.message}); pass an existing WAV file`);
      });
    } else {
      io.out('Listening… (speak now)');
      wav = await recordUtterance(values.config, io.env, io.cwd);
    }
    const query = new URLSearchParams();
    if (values.area) query.set('area', values.area);
    if (values['dry-run']) query.set('dryRun', 'true');
    const result = await postWav(location, wav, query);
    if (values.json) io.out(JSON.stringify(result, null, 2));
    else {
      io.out(`heard: "${result.transcript}"`);
      if (result.intent)
        io.out(
          `${values['dry-run'] ? '(dry run) ' : ''}${result.intent.name} ${Object.entries(result.intent.slots)
            .map(([k, v]) => `${k}=${String(v)}`)
            .join(' ')}`.trimEnd(),
        );
      io.out(result.reply || (result.ignored ? `(nothing done: ${result.ignored.replace(/_/g, ' ')})` : ''));
    }
    return result.intent ? EXIT_OK : EXIT_FAILURE;
  },
};
