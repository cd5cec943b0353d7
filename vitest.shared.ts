import { defineConfig } from 'vitest/config';

// One test configuration for every package: tests import sources through the `@mcpwire/source`
// condition (no build needed), and each run leaves a JSON summary that scripts/test-summary.mjs adds up.
export default defineConfig({
  resolve: { conditions: ['@mcpwire/source'] },
  ssr: { resolve: { conditions: ['@mcpwire/source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    // CI runs every package's suite at once on 2 cores, 3-4x slower than a quiet machine: waits for
    // something that will happen are generous (they end as soon as it does); "must not happen" checks are not.
    testTimeout: 20_000,
    hookTimeout: 30_000,
    expect: { poll: { timeout: 10_000, interval: 5 } },
    reporters: ['default', 'json'],
    outputFile: { json: '.test-results.json' },
  },
});
