import { defineConfig } from 'vitest/config';

// One test configuration for every package: tests import sources through the `@mcpwire/source`
// condition (no build needed), and each run leaves a JSON summary that scripts/test-summary.mjs adds up.
export default defineConfig({
  resolve: { conditions: ['@mcpwire/source'] },
  ssr: { resolve: { conditions: ['@mcpwire/source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    reporters: ['default', 'json'],
    outputFile: { json: '.test-results.json' },
  },
});
