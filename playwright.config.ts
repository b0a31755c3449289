import { defineConfig, devices } from '@playwright/test';
import { findChromium } from './scripts/chromium.mjs';

// Ports can be moved (E2E_SITE_PORT, E2E_ARCHIVE_PORT) so that two checkouts can run their
// browser tests at once without one testing the other's build.
const SITE_PORT = Number(process.env.E2E_SITE_PORT ?? 4321);
const ARCHIVE_PORT = Number(process.env.E2E_ARCHIVE_PORT ?? 4323);
const executablePath = findChromium();

/**
 * End-to-end and visual checks against real builds served by `astro preview`:
 * - `site`: the production build in dist/ (`npm run build`);
 * - `archive`: the example archive in dist-fixtures/ (`npm run build:fixtures`), for the page
 *   types that need more than one article. `npm run test:e2e` makes both builds first.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  forbidOnly: !!process.env.CI,
  retries: 0,
  ...(process.env.CI ? { workers: 2 } : {}),
  reporter: process.env.CI
    ? [['list'], ['html', { open: 'never' }]]
    : [['list'], ['html', { open: 'on-failure' }]],
  snapshotPathTemplate: '{testDir}/{testFileDir}/{testFileName}-snapshots/{arg}{ext}',
  expect: {
    toHaveScreenshot: {
      // Same Chromium and the site's own fonts: baselines must match pixel for pixel (Playwright's
      // default per-pixel colour threshold only). A looser ratio once hid a swapped name.
      maxDiffPixels: 0,
      animations: 'disabled',
      caret: 'hide',
    },
  },
  use: {
    trace: 'retain-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      // The machine's network is closed: keep Chromium from calling home at start-up.
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
  projects: [
    {
      name: 'site',
      testIgnore: 'archive/**',
      use: { ...devices['Desktop Chrome'], baseURL: `http://localhost:${SITE_PORT}` },
    },
    {
      name: 'archive',
      testMatch: 'archive/**/*.spec.ts',
      use: { ...devices['Desktop Chrome'], baseURL: `http://localhost:${ARCHIVE_PORT}` },
    },
  ],
  // --ignore-lock: Astro allows one preview server per project unless told two are intended.
  webServer: [
    {
      command: `npm run preview -- --port ${SITE_PORT} --host localhost --ignore-lock`,
      url: `http://localhost:${SITE_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `npm run preview:fixtures -- --port ${ARCHIVE_PORT} --host localhost --ignore-lock`,
      url: `http://localhost:${ARCHIVE_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
