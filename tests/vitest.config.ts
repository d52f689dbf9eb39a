import { defineConfig } from 'vitest/config';

// Time zone and locale are pinned so dates and numbers format the same on every machine.
process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          root: '.',
          include: ['tests/unit/**/*.test.ts', 'tests/content/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'build',
          root: '.',
          // tests/hosts/: Cloudflare's and Netlify's own dev servers over dist/ (about 20 s).
          include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts', 'tests/hosts/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium at a time on two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
