import { configDefaults, defineConfig } from 'vitest/config';

/** The unit tests beside the code: in process, no hub started, no speech decoded (hub/voice and hub/wyoming apart). */
const BESIDE_THE_CODE = [
  'hub/!(voice|wyoming)/**/*.test.ts',
  'skills/**/*.test.ts',
  'device-types/**/*.test.ts',
  'device-drivers/**/*.test.ts',
  'firmware-sim/**/*.test.ts',
];

/**
 * What competes for the CPU and is timed against the clock: speech decoded (espeak-ng into pocketsphinx), hubs, CLIs
 * and browsers started, credentials hashed, the broker flooded. On a 2-core machine these time out when another file
 * runs beside them (under load, cli-commands and utterances-devices did), so they run one at a time, after the unit
 * tests have run two files at a time.
 */
const ONE_AT_A_TIME = ['test/**/*.test.ts', 'hub/voice/**/*.test.ts', 'hub/wyoming/**/*.test.ts'];

/**
 * Files in those folders that only run code in this process (no sockets, no child processes, no speech, no clock to
 * race): understanding read from text, the plain parts of voice and Wyoming. They run two at a time with the unit
 * tests. A new file there stays one at a time until it is listed here.
 */
const IN_PROCESS_ONLY = [
  'test/integration/alarm-phrasings.test.ts',
  'test/integration/build-contents.test.ts',
  'test/integration/language-declarations.test.ts',
  'test/integration/language-parts.test.ts',
  'test/integration/language-phrasing-kinds.test.ts',
  'test/integration/language-phrasings.test.ts',
  'test/integration/language-request-kinds.test.ts',
  'test/integration/language-service.test.ts',
  'test/integration/skill-precedence.test.ts',
  'test/phrasings/tools/*.test.ts',
  'test/harness/non-commands-heldout.test.ts',
  'hub/voice/answer-grammar.test.ts',
  'hub/voice/listening.test.ts',
  'hub/voice/muted-replies.test.ts',
  'hub/voice/opposite.test.ts',
  'hub/voice/spoken-names.test.ts',
  'hub/voice/understand.test.ts',
  'hub/voice/voice-log.test.ts',
  'hub/voice/audio/microphone.test.ts',
  'hub/voice/audio/wav.test.ts',
  'hub/voice/language-model/*.test.ts',
  'hub/voice/recognizers/channel-means.test.ts',
  'hub/wyoming/audio-format.test.ts',
  'hub/wyoming/config.test.ts',
  'hub/wyoming/uri.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'two-at-a-time',
          include: [...BESIDE_THE_CODE, ...IN_PROCESS_ONLY],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'one-at-a-time',
          include: ONE_AT_A_TIME,
          exclude: [...configDefaults.exclude, ...IN_PROCESS_ONLY],
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
