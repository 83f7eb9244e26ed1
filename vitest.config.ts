import { configDefaults, defineConfig } from 'vitest/config';

/** The unit tests beside the code: in process, no hub started, no speech decoded. */
const BESIDE_THE_CODE = [
  'hub/**/*.test.ts',
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
          include: BESIDE_THE_CODE,
          exclude: [...configDefaults.exclude, ...ONE_AT_A_TIME],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: 'one-at-a-time', include: ONE_AT_A_TIME, maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
