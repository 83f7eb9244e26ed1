/** Voice: a WAV in, what was heard and done out; the voice log (list, delete one, clear). */
import { z } from 'zod';
import { HubError } from '../../sdk/errors.js';
import { parseWav } from '../../voice/audio/wav.js';
import { actingUser } from '../principal.js';
import { defineRoutes } from '../route-group.js';

const WAV_TYPES = ['audio/wav', 'audio/x-wav', 'audio/wave', 'audio/vnd.wave'];
/** Two minutes of 48 kHz stereo 16-bit audio; the recogniser cuts an utterance much earlier. */
const MAX_WAV_BYTES = 24 * 1024 * 1024;

const booleanQuery = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
export const voiceQuerySchema = z.strictObject({
  area: z.string().min(1).max(100).optional(),
  user: z.string().min(1).max(100).optional(),
  dryRun: booleanQuery.optional(),
});

const slotValue = z.union([z.string(), z.number(), z.boolean()]);
export const voiceResultSchema = z.object({
  transcript: z.string(),
  intent: z.object({ name: z.string(), slots: z.record(z.string(), slotValue) }).nullable(),
  reply: z.string(),
  actions: z.array(z.unknown()),
  timings: z.object({
    sttMs: z.number(),
    nluMs: z.number(),
    skillMs: z.number(),
    totalMs: z.number(),
    recognizerMs: z.number(),
    audioMs: z.number(),
  }),
  /** Why nothing was done: no speech heard, or only the wake phrase. */
  ignored: z.enum(['no_speech', 'no_wake_phrase', 'wake_only']).optional(),
  /** Said to the hub but fitting no command (the recogniser's rejection): "Sorry, I didn't catch that." and nothing done. */
  rejected: z.boolean().optional(),
  /** The reply was not spoken: the assistant's replies are muted where it was heard ("be quiet for an hour"). */
  muted: z.boolean().optional(),
  recognizer: z.string(),
});

const logQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).optional(),
  before: z.coerce.number().int().min(0).optional(),
});
const logEntry = z.object({
  id: z.number(),
  at: z.number(),
  source: z.string(),
  area: z.string().optional(),
  transcript: z.string(),
  intent: z.string().optional(),
  reply: z.string(),
  timings: z.record(z.string(), z.number()),
  hasAudio: z.boolean(),
});
const idParams = z.object({ id: z.coerce.number().int().min(1) });

export const voiceRoutes = defineRoutes({
  name: 'voice',
  needs: ['voice'],
  optional: ['voiceNotReady'],
  plugin: async (app, { deps: { voice, voiceNotReady }, routes }) => {
    // Encapsulated in this plugin: only the voice routes take raw audio.
    app.addContentTypeParser(WAV_TYPES, { parseAs: 'buffer', bodyLimit: MAX_WAV_BYTES }, (_request, body, done) =>
      done(null, body),
    );

    routes.add(
      app,
      {
        method: 'POST',
        url: '/voice',
        tag: 'voice',
        summary:
          'Recognise a spoken command (body: audio/wav, any rate; converted to 16 kHz mono) and run it unless dryRun',
        query: voiceQuerySchema,
        responses: { 200: voiceResultSchema },
        errors: ['RECOGNIZER_UNAVAILABLE', 'PAYLOAD_TOO_LARGE'],
      },
      async (request) => {
        const query = request.query;
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0) {
          throw new HubError(
            'VALIDATION_FAILED',
            `send the recording as the request body with Content-Type: ${WAV_TYPES[0]}`,
          );
        }
        parseWav(body); // a clear error for non-WAV bodies before any decoding starts
        const waiting = voiceNotReady?.();
        if (waiting !== undefined) throw new HubError('RECOGNIZER_UNAVAILABLE', waiting);
        if (voice.recognizerName === 'text')
          throw new HubError('RECOGNIZER_UNAVAILABLE', `voice commands are off: ${voice.status().detail}`);
        const speaker = actingUser(request, query.user, 'user');
        const result = await voice.handleWav(body, {
          ...(query.area !== undefined ? { area: query.area } : {}),
          ...(speaker !== undefined ? { user: speaker } : {}),
          ...(query.dryRun !== undefined ? { dryRun: query.dryRun } : {}),
        });
        return {
          transcript: result.transcript,
          intent: result.intent ?? null,
          reply: result.reply,
          actions: result.actions,
          timings: result.timings,
          ...(result.ignored ? { ignored: result.ignored } : {}),
          ...(result.rejected ? { rejected: true } : {}),
          ...(result.muted ? { muted: true } : {}),
          recognizer: voice.recognizerName,
        };
      },
    );

    routes.add(
      app,
      {
        method: 'GET',
        url: '/voice/log',
        tag: 'voice',
        summary: 'What was heard and answered, newest first (audio only if storing it is on)',
        query: logQuery,
        responses: { 200: logEntry.array() },
      },
      async (request) => {
        const query = request.query;
        return voice.voiceLog.list({
          ...(query.limit !== undefined ? { limit: query.limit } : {}),
          ...(query.before !== undefined ? { before: query.before } : {}),
        });
      },
    );
    routes.add(
      app,
      {
        method: 'DELETE',
        url: '/voice/log/:id',
        tag: 'voice',
        summary: 'Delete one voice log entry',
        params: idParams,
        responses: { 204: null },
        errors: ['NOT_FOUND'],
      },
      async (request, reply) => {
        const { id } = request.params;
        if (!voice.voiceLog.delete(id))
          throw new HubError('NOT_FOUND', `no voice log entry ${id}; list them with GET /api/v1/voice/log`);
        return reply.status(204).send();
      },
    );
    routes.add(
      app,
      {
        method: 'DELETE',
        url: '/voice/log',
        tag: 'voice',
        summary: 'Delete the whole voice log',
        responses: { 200: z.object({ deleted: z.number() }) },
      },
      async () => ({ deleted: voice.voiceLog.clear() }),
    );
  },
});
