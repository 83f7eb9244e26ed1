import type { WebSocket } from 'ws';
import { ChunkQueue } from './chunk-queue.js';
import type { AudioSource } from './pcm.js';
import { satelliteControlSchema } from './satellite-protocol.js';

/**
 * A satellite streaming over a WebSocket: binary frames are 16 kHz mono s16le PCM,
 * text frames are the same control messages as over MQTT ({"type":"audio_end"} ends the utterance).
 * Closing the socket also ends it. Reply audio goes back as one binary frame (see `sendReply`).
 */
export function webSocketSatelliteSource(
  socket: WebSocket,
  options: { satelliteId: string; area?: string },
): AudioSource {
  const queue = new ChunkQueue<Buffer>();
  socket.on('message', (data, isBinary) => {
    const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    if (isBinary) {
      if (buffer.length % 2 === 0) queue.push(buffer);
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(buffer.toString('utf8'));
    } catch {
      json = undefined;
    }
    const control = satelliteControlSchema.safeParse(json);
    if (!control.success) {
      socket.send(
        JSON.stringify({
          type: 'error',
          error: { code: 'VALIDATION_FAILED', message: 'text frames must be {"type":"audio_start"|"audio_end"}' },
        }),
      );
      return;
    }
    if (control.data.type === 'audio_end') queue.end();
  });
  socket.on('close', () => queue.end());
  socket.on('error', (err) => queue.fail(err));
  return {
    name: `satellite-ws:${options.satelliteId}`,
    ...(options.area !== undefined ? { area: options.area } : {}),
    chunks: () => queue,
  };
}
