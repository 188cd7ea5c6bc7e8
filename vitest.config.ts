import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@fzlint/core': fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)),
      // Before '@fzlint/workspace', which would otherwise take its subpaths as paths under index.ts.
      '@fzlint/workspace/browser': fileURLToPath(new URL('./packages/workspace/src/browser.ts', import.meta.url)),
      '@fzlint/workspace': fileURLToPath(new URL('./packages/workspace/src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30000,
    hookTimeout: 60000,
  },
});
