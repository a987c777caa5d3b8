import { defineConfig } from 'vitest/config'

import { prepareTestEnvironment } from './tests/support/test-database.ts'

// Set before workers start so the server, the workers and global setup share one database.
prepareTestEnvironment()

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      {
        // Pure code (report format, env parsing): no database, no server.
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.spec.ts'],
        },
      },
      {
        // Real server, real database: global setup starts both once for all files.
        test: {
          name: 'integration',
          include: ['tests/*.spec.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // Specs share one database and server: run files one at a time.
          fileParallelism: false,
        },
      },
    ],
  },
})
