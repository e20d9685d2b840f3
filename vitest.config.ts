import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/postgres-schemas.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Browser and database suites start servers; two workers suit this 2-core machine.
    maxWorkers: 2,
  },
});
