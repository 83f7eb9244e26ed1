import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { HubError } from '../../sdk/errors.js';
import { bufferSource, SAMPLE_RATE, type AudioSource, type BufferSourceOptions } from './pcm.js';

export interface WavInfo {
  /** 1 = integer PCM, 3 = IEEE float, 6/7 = A-law/µ-law; WAVE_FORMAT_EXTENSIBLE is resolved to its sub-format. */
  format: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  data: Buffer;
}

const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

/** Parses a RIFF/WAVE file: walks the chunk list (skipping LIST/fact/…; chunks are word-aligned). */
export function parseWav(file: Buffer): WavInfo {
  if (file.length < 12 || file.toString('ascii', 0, 4) !== 'RIFF' || file.toString('ascii', 8, 12) !== 'WAVE') {
    throw new HubError(
      'VALIDATION_FAILED',
      'audio is not a WAV file (no RIFF/WAVE header); send audio/wav, 16 kHz mono 16-bit preferred',
    );
  }
  let fmt: Omit<WavInfo, 'data'> | undefined;
  let offset = 12;
  while (offset + 8 <= file.length) {
    const id = file.toString('ascii', offset, offset + 4);
    const declared = file.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (declared < 16 || body + 16 > file.length)
        throw new HubError('VALIDATION_FAILED', 'WAV fmt chunk is truncated; re-encode the file');
      let format = file.readUInt16LE(body);
      if (format === WAVE_FORMAT_EXTENSIBLE && declared >= 26) format = file.readUInt16LE(body + 24);
      fmt = {
        format,
        channels: file.readUInt16LE(body + 2),
        sampleRate: file.readUInt32LE(body + 4),
        bitsPerSample: file.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (!fmt)
        throw new HubError('VALIDATION_FAILED', 'WAV data chunk comes before its fmt chunk; re-encode the file');
      // Streamed WAVs write 0 or 0xFFFFFFFF when the length was unknown: take the rest of the file.
      const end = declared === 0 || declared === 0xffffffff ? file.length : Math.min(file.length, body + declared);
      return { ...fmt, data: file.subarray(body, end) };
    }
    offset = body + declared + (declared % 2);
  }
  throw new HubError('VALIDATION_FAILED', 'WAV file has no data chunk; the recording is empty or truncated');
}

export function isHubFormat(info: Omit<WavInfo, 'data'>): boolean {
  return info.format === 1 && info.channels === 1 && info.sampleRate === SAMPLE_RATE && info.bitsPerSample === 16;
}

/** sox output options for the PCM the hub decodes: 16 kHz, mono, signed 16-bit. */
export const SOX_HUB_PCM: readonly string[] = [
  '-r',
  String(SAMPLE_RATE),
  '-c',
  '1',
  '-b',
  '16',
  '-e',
  'signed-integer',
];

/** Any WAV sox understands → 16 kHz mono s16le PCM; -R: the same upload always converts (and decodes) the same way. */
export function convertWithSox(wav: Buffer, soxCommand = 'sox'): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(soxCommand, ['-q', '-R', '-t', 'wav', '-', '-t', 'raw', ...SOX_HUB_PCM, '-L', '-']);
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', (err) =>
      reject(
        new HubError(
          'INTERNAL',
          `cannot run "${soxCommand}" to convert the WAV (${err.message}); install sox (apt install sox) or send 16 kHz mono 16-bit WAV`,
        ),
      ),
    );
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new HubError('VALIDATION_FAILED', `sox could not convert the WAV (exit ${code}): ${stderr.trim()}`));
    });
    child.stdin.on('error', () => undefined); // sox may exit before reading everything; its exit code reports why
    child.stdin.end(wav);
  });
}

/** WAV bytes → hub PCM, converting with sox only when the file is not already 16 kHz mono 16-bit. */
export async function wavToPcm(wav: Buffer): Promise<Buffer> {
  const info = parseWav(wav);
  if (isHubFormat(info)) return info.data.length % 2 === 0 ? info.data : info.data.subarray(0, info.data.length - 1);
  return convertWithSox(wav);
}

export function wavBufferSource(wav: Buffer, options: BufferSourceOptions = {}): AudioSource {
  let pcm: Promise<Buffer> | undefined;
  return {
    name: options.name ?? 'wav',
    ...(options.area !== undefined ? { area: options.area } : {}),
    ...(options.standalone ? { standalone: true } : {}),
    async *chunks() {
      pcm ??= wavToPcm(wav);
      yield* bufferSource(await pcm, options).chunks();
    },
  };
}

export function wavFileSource(path: string, options: { area?: string; chunkMs?: number } = {}): AudioSource {
  return {
    name: `wav:${path}`,
    ...(options.area !== undefined ? { area: options.area } : {}),
    async *chunks() {
      const wav = await readFile(path).catch((err: NodeJS.ErrnoException) => {
        throw new HubError('NOT_FOUND', `cannot read WAV file ${path} (${err.code ?? err.message}); check the path`);
      });
      yield* wavBufferSource(wav, options).chunks();
    },
  };
}

/**
 * Wraps PCM in a 44-byte WAV header (TTS output, stored audio, test fixtures): hub audio (16-bit mono) by default,
 * or any sample width (bytes) and channel count (a Wyoming service's audio, before sox converts it).
 */
export function encodeWav(
  pcm: Buffer,
  sampleRate = SAMPLE_RATE,
  layout: { width: number; channels: number } = { width: 2, channels: 1 },
): Buffer {
  const blockAlign = layout.width * layout.channels;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + pcm.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(layout.channels, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * blockAlign, 28);
  header.writeUInt16LE(blockAlign, 32);
  header.writeUInt16LE(layout.width * 8, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([header, pcm]);
}
