import { defineConfig } from 'vitest/config';

// `npm run test:hosts` only: real host CLIs over dist/ (tests/hosts/hosts.test.ts).
process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    name: 'hosts',
    root: '.',
    include: ['tests/hosts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
