import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser; no network beyond 127.0.0.1.
export default defineConfig({
  testDir: 'tests/ui',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: process.env.JIGSAW_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-gpu'],
    },
    viewport: { width: 1400, height: 900 },
  },
});
