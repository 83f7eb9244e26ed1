/** A hub whose recogniser is missing still starts, typed commands work, and /status + `hearth status` say what is missing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../hub/cli/main.js';
import { startTestHub, type TestHub } from '../harness/hub.js';
import { postVoice } from '../harness/hub-voice.js';

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub({
    config: { voice: { recognizer: 'pocketsphinx', pocketsphinx: { library: '/nonexistent/libpocketsphinx.so.3' } } },
  });
});
afterAll(async () => hub?.stop());

describe('voice without a recogniser', () => {
  it('the hub starts and /status names the missing library and the install command', async () => {
    const status = (await hub.api('GET', '/status')).body;
    expect(status.components.recognizer.status).toBe('missing');
    expect(status.components.recognizer.detail).toContain('/nonexistent/libpocketsphinx.so.3');
    expect(status.components.recognizer.detail).toContain('apt install pocketsphinx pocketsphinx-en-us');
    expect(status.missing).toContain('recognizer');
  });

  it('hearth status prints the same line', async () => {
    const out: string[] = [];
    const code = await runCli(['status', '--url', hub.runtime.http.url, '--token', hub.token], {
      out: (l) => out.push(l),
      err: (l) => out.push(l),
      env: {},
      cwd: hub.dataDir,
    });
    expect(code).toBe(0);
    expect(out.find((l) => l.trim().startsWith('recognizer'))).toMatch(/missing .*apt install pocketsphinx/);
  });

  it('typed commands still work', async () => {
    const reply = await hub.api('POST', '/utterances', { text: 'what time is it' });
    expect(reply.status).toBe(200);
    expect(reply.body.intent?.name).toBe('HassGetCurrentTime');
  });

  it('POST /voice answers 503 RECOGNIZER_UNAVAILABLE with the reason, and rejects a body that is not a WAV', async () => {
    const post = (body: Buffer) => postVoice(hub, body);
    const header = Buffer.alloc(44);
    header.write('RIFF', 0, 'ascii');
    header.writeUInt32LE(36, 4);
    header.write('WAVEfmt ', 8, 'ascii');
    header.writeUInt32LE(16, 16);
    header.writeUInt16LE(1, 20);
    header.writeUInt16LE(1, 22);
    header.writeUInt32LE(16000, 24);
    header.writeUInt32LE(32000, 28);
    header.writeUInt16LE(2, 32);
    header.writeUInt16LE(16, 34);
    header.write('data', 36, 'ascii');
    const silence = Buffer.concat([header, Buffer.alloc(3200)]);
    silence.writeUInt32LE(3200, 40);
    const unavailable = await post(silence);
    expect(unavailable.status).toBe(503);
    expect(((await unavailable.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'RECOGNIZER_UNAVAILABLE',
      message: expect.stringContaining('apt install'),
    });
    const notWav = await post(Buffer.from('hello'));
    expect(notWav.status).toBe(400);
  });
});
