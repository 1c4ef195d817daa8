import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Probes PostgreSQL once per run for the store/API suites (test/support/databases.ts).
    globalSetup: ['test/support/global-setup.ts'],
    // every API answer is checked against its route's declared response schema (src/api/responseCheck.ts)
    env: { FILMRIGHTS_VALIDATE_RESPONSES: '1' },
  },
});
