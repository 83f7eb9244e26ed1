import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/logger.js';
import { HubError } from '../../sdk/errors.js';
import { microphoneSource } from './microphone.js';

async function drain(iterable: AsyncIterable<Buffer>): Promise<unknown> {
  try {
    for await (const _chunk of iterable) break;
    return undefined;
  } catch (err) {
    return err;
  }
}

describe('microphoneSource', () => {
  it('names the device and the fix when the recorder cannot open it', async () => {
    const err = await drain(microphoneSource({ device: 'hw:97,0', recorder: 'sox', log: silentLogger }).chunks());
    expect(err).toBeInstanceOf(HubError);
    expect(err).toMatchObject({
      code: 'AUDIO_UNAVAILABLE',
      message: expect.stringMatching(/"hw:97,0"[\s\S]*arecord -l[\s\S]*voice\.microphone\.device/),
    });
  });

  it('says which program to install when the recorder is missing', async () => {
    const err = await drain(microphoneSource({ recorder: 'arecord', log: silentLogger }).chunks());
    expect(err).toMatchObject({
      code: 'AUDIO_UNAVAILABLE',
      message: expect.stringContaining('"arecord" is not installed'),
    });
  });
});
