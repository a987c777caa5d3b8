import { defineConfig } from 'vitest/config'

/**
 * End-to-end specs (tests/e2e): a real browser against the CMS and the example consumer site.
 * Separate from vitest.config.ts so `npm test` never runs them; `npm run test:e2e` does.
 * Each spec starts its own CMS on a fresh SQLite database.
 */
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.spec.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
})
