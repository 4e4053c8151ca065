import { defineConfig } from 'vitest/config'

// The fault suite (`pnpm test:faults`): the real app in its own process over a PostgreSQL of the
// suite's own that gets restarted, stopped, frozen and started late. One file at a time: each
// drives the machine hard, and timing is what it measures.
export default defineConfig({
  test: {
    name: 'faults',
    root: './apps/api/faults',
    include: ['**/*.fault.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
})
