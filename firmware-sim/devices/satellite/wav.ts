/** The little WAV handling a satellite needs: read 16 kHz mono 16-bit PCM out of a RIFF file. */
import { HubError } from '../../../hub/sdk/index.js';
import { SATELLITE_SAMPLE_RATE } from './protocol.js';

export function pcmFromWav(file: Buffer): Buffer {
  if (file.length < 12 || file.toString('ascii', 0, 4) !== 'RIFF' || file.toString('ascii', 8, 12) !== 'WAVE') {
    throw new HubError('VALIDATION_FAILED', 'not a WAV file (no RIFF/WAVE header)');
  }
  let format: { tag: number; channels: number; rate: number; bits: number } | undefined;
  for (let offset = 12; offset + 8 <= file.length; ) {
    const id = file.toString('ascii', offset, offset + 4);
    const size = file.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      format = {
        tag: file.readUInt16LE(body),
        channels: file.readUInt16LE(body + 2),
        rate: file.readUInt32LE(body + 4),
        bits: file.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (format?.tag !== 1 || format.channels !== 1 || format.rate !== SATELLITE_SAMPLE_RATE || format.bits !== 16) {
        throw new HubError(
          'VALIDATION_FAILED',
          `a satellite streams 16 kHz mono 16-bit PCM; convert first: sox in.wav -r 16000 -c 1 -b 16 out.wav`,
        );
      }
      const end = size === 0 || size === 0xffffffff ? file.length : Math.min(file.length, body + size);
      const data = file.subarray(body, end);
      return data.subarray(0, data.length - (data.length % 2));
    }
    offset = body + size + (size % 2);
  }
  throw new HubError('VALIDATION_FAILED', 'WAV file has no data chunk');
}
