import { z } from 'zod';
import { wyomingUriSchema } from '../wyoming/uri.js';

const ms = (min: number, max: number) => z.number().int().min(min).max(max);

export const vadConfigSchema = z.strictObject({
  /** Silence after speech that ends the utterance. */
  trailingSilenceMs: ms(100, 5000).default(500),
  /**
   * Silence after speech that ends the utterance when the words heard so far are already a whole command (an exact
   * sentence the understanding acts on), so a command is acted on without waiting out `trailingSilenceMs`. null: off.
   */
  completeSilenceMs: ms(40, 5000).nullable().default(null),
  /** An utterance is cut here even if the person keeps talking. */
  maxUtteranceMs: ms(500, 60_000).default(8000),
  /** Shorter bursts (clicks, a cough) are not speech. */
  minSpeechMs: ms(20, 2000).default(150),
  /** Speech starts when a frame is this many dB above the noise floor. */
  startMarginDb: z.number().min(3).max(40).default(12),
  /**
   * In steady noise (its frames stay within a dB or so of the floor) the start margin falls toward this, so speech
   * at 10 dB SNR over a fan or traffic hum starts; noise that varies (babble, clatter) keeps it near startMarginDb.
   * Set it to startMarginDb for a fixed margin.
   */
  minStartMarginDb: z.number().min(1).max(40).default(5),
  /** Speech continues while frames stay this many dB above the noise floor. */
  stopMarginDb: z.number().min(1).max(40).default(7),
  /** Audio kept from before speech started, so the first syllable is not clipped. */
  preRollMs: ms(0, 1000).default(200),
  /** The noise floor never sinks below this (dBFS), so digital silence does not make every click speech. */
  minFloorDb: z.number().min(-120).max(-20).default(-70),
});
export type VadConfig = z.infer<typeof vadConfigSchema>;

export const voiceConfigSchema = z.strictObject({
  /** `auto`: vosk if a model is configured and present, else pocketsphinx if installed, else text only. */
  recognizer: z.enum(['auto', 'pocketsphinx', 'vosk', 'text']).default('auto'),
  /** Said before a command ("hey hearth, turn on the light"); spotted by the recogniser through the grammar. */
  wakePhrase: z.string().trim().min(2).max(60).default('hey hearth'),
  /** When false every utterance is a command (push-to-talk-only setups, tests). */
  requireWakePhrase: z.boolean().default(true),
  /** After the hub asks a question, the answer needs no wake phrase for this long. */
  followUpMs: ms(0, 60_000).default(8000),
  vad: vadConfigSchema.prefault({}),
  /**
   * An MQTT satellite stream with no message for this long ends as if audio_end had been sent (a satellite that
   * dropped off mid-sentence). Long enough that a busy hub, which reads queued chunks only after its timers run,
   * does not cut a live stream in two.
   */
  satelliteIdleMs: ms(500, 60_000).default(5000),
  /** Satellites that hear the same wake word: only the one that heard it loudest answers (hub/voice/audio/wake-arbiter.ts). */
  arbitration: z
    .strictObject({
      /** Streams starting this close together are one request; 0 lets every satellite answer. */
      windowMs: ms(0, 3000).default(300),
      /** How much of each stream is compared. */
      measureMs: ms(100, 3000).default(500),
    })
    .prefault({}),
  microphone: z
    .strictObject({
      /** ALSA device such as `plughw:1,0`; unset uses the default device. */
      device: z.string().min(1).optional(),
      /** The program node-record-lpcm16 runs to capture audio. */
      recorder: z.enum(['sox', 'rec', 'arecord']).default('sox'),
    })
    .prefault({}),
  pocketsphinx: z
    .strictObject({
      library: z.string().min(1).default('libpocketsphinx.so.3'),
      sphinxbaseLibrary: z.string().min(1).default('libsphinxbase.so.3'),
      /** Holds the acoustic model folder `en-us/` and `cmudict-en-us.dict` (Debian: pocketsphinx-en-us). */
      modelDir: z.string().min(1).default('/usr/share/pocketsphinx/model/en-us'),
      /**
       * Unset (the default): each audio source (microphone, each satellite, uploads) adapts its own
       * cepstral mean from the model's, after every utterance, kept in SQLite across restarts.
       * Set: a fixed mean every utterance starts from, with no adaptation; measure your own
       * microphone for it with bench/voice-tuning.ts (13 values for en-us).
       */
      cmnInit: z.array(z.number().min(-200).max(200)).min(1).max(40).optional(),
      /**
       * Rejection: probability per phone of a free-phone loop beside the command grammar. Speech that the loop fits
       * better than any command (talk not meant for the hub, an unknown request) is answered "Sorry, I didn't catch
       * that." and nothing is done, instead of being taken as the nearest command. 0 turns it off. Calibrated on
       * real and synthesised speech: BENCHMARKS.md, "Voice: rejection".
       */
      rejectionWeight: z.number().min(0).max(1).default(0),
      /**
       * Rejection too: a decode whose path score per 10 ms frame is below this (it fits its sentence badly) is
       * answered "Sorry, I didn't catch that." and acts on nothing. The score depends on the grammar: real coffee orders
       * heard right scored −31…−11 and talk landing on a command −41…−56, but right espeak-ng commands on a 113-device
       * household's grammar −27…−50 (BENCHMARKS.md). null: no floor.
       */
      minScorePerFrame: z.number().min(-1000).max(0).nullable().default(null),
      /**
       * Rejection that does not depend on the grammar's size: every decode is compared with a pass of free phones over
       * the same audio (pocketsphinx-fit.ts). Words that fit the sounds worse than free phones by more than this
       * (acoustic score per 10 ms frame), or that cover less than `minCoverage` of the speech (a short command with
       * the rest of the talk taken as noise), are answered "Sorry, I didn't catch that." and act on nothing. Costs a
       * free-phone pass per utterance. null: off. Calibrated in BENCHMARKS.md ("Voice: the fit over free phones"):
       * real people's orders heard right fit −5…+15, espeak-ng commands heard right −28…+6, talk mostly below.
       */
      minFit: z.number().min(-1000).max(1000).nullable().default(-30),
      minCoverage: z.number().min(0).max(1).default(0),
      /**
       * With `minFit`: a decode whose words leave more than this much of the speech (ms) to the free phones is
       * rejected too — talk landing on a short command leaves seconds; a command said leaves its edges and breath
       * (espeak-ng commands heard right left at most 250 ms, talk passing the other floors 390 ms and more). null: no limit.
       */
      maxUncoveredMs: z.number().int().min(0).max(60_000).nullable().default(450),
      /**
       * With `minFit`: a decode with any one word fitting worse than this (the same measure on the word's own frames)
       * is rejected too: talk landing on a command fits most of it passably and one word very badly. null: no limit.
       */
      minWordFit: z.number().min(-1000).max(1000).nullable().default(null),
      /**
       * Between talk and a clear command: a command heard with a fit below `askBelowFit` or a coverage below
       * `askBelowCoverage` is asked back ("Did you say …?") and acted on only after a yes. null: never.
       */
      askBelowFit: z.number().min(-1000).max(1000).nullable().default(null),
      askBelowCoverage: z.number().min(0).max(1).default(0.8),
      /**
       * While a question is open, the answer grammar (yes/no, a PIN, which one) and the command grammar both decode the
       * utterance; the answer is taken when it fits at least as well as the best command minus this (score units).
       */
      answerBias: z.number().min(-1_000_000).max(1_000_000).default(0),
      /**
       * A lock, door, gate, car or purchase command whose words fit the audio by less than this (the fit over free
       * phones, per 10 ms frame, as minFit) is asked back ("Did you say …?") instead of acted on. Higher asks more often; null: never.
       */
      sensitiveMargin: z.number().min(-100_000).max(100_000).nullable().default(-5),
      /**
       * A command that hangs on on/off, lock/unlock or open/close whose words fit the audio by less than this (per
       * 10 ms frame, acoustic) over the opposite reading is asked back ("Did you say …?", the better-fitting
       * reading) instead of acted on. Higher asks more often; null: never.
       */
      oppositeMargin: z.number().min(-100_000).max(100_000).nullable().default(0),
      /**
       * What commands are decoded with: `grammar`, the sentences of the templates with the household's names; or
       * `ngram`, a trigram model estimated from those sentences and the phrasings the understanding reads besides them
       * (other action words, "turn the X off", fillers), so word orders the templates lack can be heard. Questions'
       * answers (yes/no, PIN, which one) keep their small grammars either way. Compared in BENCHMARKS.md.
       */
      commandModel: z.enum(['grammar', 'ngram']).default('grammar'),
      /**
       * The focused second pass: once an utterance is understood as an intent, its audio is decoded again with only
       * that intent's sentences, with the dictionary's alternative pronunciations and wider beams (too slow and too
       * loose for the whole grammar), and the words it finds are taken when they are the same intent with other slots.
       * Costs one more pass over the utterance once understood, and one more over a two-sentence grammar when its words
       * differ from the first. Off (null) by default: it lifts real people's orders, but the espeak-ng household suite
       * stays below its floor with it (BENCHMARKS.md, "Voice: the focused second pass on by default?"). `{}`: on.
       */
      focus: z
        .strictObject({
          alternativePronunciations: z.boolean().default(true),
          beam: z.number().gt(0).lt(1).default(1e-60),
          phoneBeam: z.number().gt(0).lt(1).default(1e-60),
          wordBeam: z.number().gt(0).lt(1).default(1e-48),
        })
        .nullable()
        .default(null),
      /**
       * Where the wake phrase is needed (an always-listening satellite or microphone, not push-to-talk or an answer),
       * a keyword search spots it before the command grammar hears anything, and only what follows it is decoded as
       * the command; talk it is not spotted in is dropped undecoded. `threshold`: how much better than free phones the
       * phrase must fit (lower spots more, and more talk); `withinMs`: it must end this soon after the utterance
       * starts (it opens what is said to the hub). A spotted phrase followed by words that fit no command is taken as
       * talk, not as a wake. null (default): the phrase is heard as the command grammar's prefix. Off by default: over an
       * hour of read prose it woke 17.9 times and acted 9.9 times (BENCHMARKS.md, "the wake phrase spotted apart"); `{}` turns it on.
       */
      wake: z
        .strictObject({
          threshold: z.number().gt(0).lt(1).default(1e-40),
          withinMs: z.number().int().min(500).max(10_000).default(2500),
          /**
           * The spotted phrase is decoded again on its own over the audio up to it and compared with free phones:
           * it must fit at least this well (acoustic score per 10 ms frame; null: any fit), each of its words at
           * least `minPhraseWordFit`, and cover at least `minPhraseCoverage` of that audio's speech (words said
           * before it in the same breath are talk). Calibrated on read prose that the reported false wakes do not
           * use (BENCHMARKS.md, "the spotted phrase checked").
           */
          minPhraseFit: z.number().min(-1000).max(1000).nullable().default(-4),
          minPhraseWordFit: z.number().min(-1000).max(1000).nullable().default(-25),
          minPhraseCoverage: z.number().min(0).max(1).default(0.5),
        })
        .nullable()
        .default(null),
      /**
       * A source heard for the first time (or an upload) is decoded from its own cepstral mean, not the model's: by
       * default its grammar pass runs after the endpoint, from the whole utterance's mean (about a second of CPU for a
       * big home's grammar). With a number, the grammar pass starts once that many 10 ms frames of its speech give a
       * first estimate of the mean and runs while the rest is spoken (shorter utterances as before). Off by default:
       * real people's orders on new sources were heard as well and ~1.5 s sooner with 100, but two espeak-ng clips of
       * the unit tests flip ("turn off" heard "turn on" from the early estimate; BENCHMARKS.md, "a new source decoded
       * while it speaks").
       */
      earlyMeanFrames: z.number().int().min(10).max(1000).nullable().default(null),
      /** Decoder flags over the built-in ones (e.g. {"-lw": "8"}); see `pocketsphinx -help`. */
      args: z.record(z.string().regex(/^-[a-z_]+$/, 'a pocketsphinx flag such as -lw'), z.string().min(1)).default({}),
    })
    .prefault({}),
  vosk: z
    .strictObject({
      /** Fetched by `node scripts/fetch-libvosk.mjs` on x86_64. */
      library: z.string().min(1).default('vendor/vosk/lib/linux-x86_64/libvosk.so'),
      /** An unpacked model folder from https://alphacephei.com/vosk/models (e.g. vosk-model-small-en-us-0.15). */
      modelPath: z.string().min(1).optional(),
    })
    .prefault({}),
  /** Speech-to-text on a Wyoming service (whisper, vosk, …) instead of the local recogniser, which stays as the fallback. */
  stt: z
    .strictObject({
      wyoming: wyomingUriSchema.optional(),
      /** Model name sent with `transcribe`; unset lets the service choose. */
      model: z.string().min(1).max(100).optional(),
      language: z.string().min(2).max(20).default('en'),
    })
    .prefault({}),
  /** Wake word detection on a Wyoming service (openWakeWord, …) for satellites that stream until woken; else the wake phrase. */
  wake: z
    .strictObject({
      wyoming: wyomingUriSchema.optional(),
      /** Wake word model names to listen for (`detect.names`); empty lets the service use all it has. */
      names: z.array(z.string().min(1).max(100)).max(10).default([]),
    })
    .prefault({}),
  tts: z
    .strictObject({
      /** Replies spoken by a Wyoming service (piper, …); espeak-ng below stays as the fallback. */
      wyoming: wyomingUriSchema.optional(),
      /** Voice name sent with `synthesize` to the Wyoming service; unset uses its default. */
      wyomingVoice: z.string().min(1).max(100).optional(),
      enabled: z.boolean().default(true),
      command: z.string().min(1).default('espeak-ng'),
      voice: z.string().min(1).max(40).default('en-us'),
      /** Words per minute. */
      speed: z.number().int().min(80).max(450).default(165),
    })
    .prefault({}),
  /**
   * The hub's own speaker as a room speaker: rings and announcements for `area` (or for every room) play there
   * too. Off while `area` is unset. The player gets each message as a 16 kHz mono WAV on its standard input.
   */
  speaker: z
    .strictObject({
      /** The area (id) the hub stands in. */
      area: z.string().min(1).max(100).optional(),
      /** Its id in `GET /satellites` and in rings. */
      id: z
        .string()
        .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, "-" or "_" (max 64)')
        .default('hub-speaker'),
      /** Debian: alsa-utils. */
      command: z.string().min(1).default('aplay'),
      args: z.array(z.string().max(200)).max(20).default(['-q', '-']),
    })
    .prefault({}),
  log: z
    .strictObject({
      enabled: z.boolean().default(true),
      retentionDays: z.number().int().min(0).max(3650).default(30),
      /** Audio is never kept unless this is turned on. */
      storeAudio: z.boolean().default(false),
    })
    .prefault({}),
});
export type VoiceConfig = z.infer<typeof voiceConfigSchema>;
