import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'hub/**/*.test.ts',
      'skills/**/*.test.ts',
      'device-types/**/*.test.ts',
      'device-drivers/**/*.test.ts',
      'firmware-sim/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
