import { defineConfig } from 'vitest/config'

// One run over the workspace. Projects that touch PostgreSQL share one server per run (the
// global setup), each test file cloning its own database from a migrated template.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'kpi', root: './packages/kpi', environment: 'node' } },
      {
        test: {
          name: 'db',
          root: './packages/db',
          environment: 'node',
          globalSetup: ['./test-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'api',
          root: './apps/api',
          environment: 'node',
          globalSetup: ['../../packages/db/test-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'worker',
          root: './apps/worker',
          environment: 'node',
          globalSetup: ['../../packages/db/test-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      './apps/web/vitest.config.ts',
    ],
  },
})
