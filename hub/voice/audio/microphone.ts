import recorder from 'node-record-lpcm16';
import { HubError } from '../../sdk/errors.js';
import type { Logger } from '../../core/logger.js';
import { SAMPLE_RATE, type AudioSource } from './pcm.js';

export interface MicrophoneOptions {
  device?: string;
  recorder: 'sox' | 'rec' | 'arecord';
  area?: string;
  log: Logger;
}

function unavailable(options: MicrophoneOptions, why: string): HubError {
  const device = options.device ?? 'default';
  return new HubError(
    'AUDIO_UNAVAILABLE',
    `cannot record from microphone "${device}" with ${options.recorder}: ${why}. ` +
      `List capture devices with "arecord -l" (apt install alsa-utils), set voice.microphone.device to one (e.g. "plughw:1,0"), ` +
      `or send audio another way (WAV file, satellite, POST /api/v1/voice).`,
    { device, recorder: options.recorder },
  );
}

/**
 * The local microphone through node-record-lpcm16 (which spawns sox/rec/arecord).
 * The recording stops when the consumer stops iterating.
 */
export function microphoneSource(options: MicrophoneOptions): AudioSource {
  return {
    name: `mic:${options.device ?? 'default'}`,
    ...(options.area !== undefined ? { area: options.area } : {}),
    async *chunks() {
      const recording = recorder.record({
        sampleRate: SAMPLE_RATE,
        channels: 1,
        recorder: options.recorder,
        audioType: 'raw',
        ...(options.device !== undefined ? { device: options.device } : {}),
      });
      let stderr = '';
      let failure: HubError | undefined;
      const stream = recording.stream();
      recording.process.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
      recording.process.on('error', (err: NodeJS.ErrnoException) => {
        failure = unavailable(
          options,
          err.code === 'ENOENT'
            ? `"${options.recorder}" is not installed (apt install sox, or alsa-utils for arecord)`
            : err.message,
        );
        stream.destroy(failure);
      });
      // node-record-lpcm16 reports a failed recorder as a string error on the stream once the process closes.
      stream.on('error', () => undefined);
      const exited = new Promise<number | null>((resolve) => recording.process.on('close', (code) => resolve(code)));
      try {
        let received = 0;
        for await (const chunk of stream) {
          received += (chunk as Buffer).length;
          yield chunk as Buffer;
        }
        const code = await exited;
        if (failure) throw failure;
        if (code !== 0 && code !== null)
          throw unavailable(options, stderr.trim() || `the recorder exited with code ${code}`);
        if (received === 0) throw unavailable(options, stderr.trim() || 'the recorder produced no audio');
      } catch (err) {
        if (err instanceof HubError) throw err;
        await exited;
        throw failure ?? unavailable(options, stderr.trim() || String(err));
      } finally {
        if (recording.process.exitCode === null) recording.stop();
        options.log.debug({ device: options.device }, 'microphone closed');
      }
    },
  };
}
