// Finds a Chromium for Playwright. Playwright cannot download its own browsers on machines
// without general internet access, so we look, in order, at:
//   1. CHROMIUM_PATH, if set (it must exist: a wrong value is an error, not a silent skip);
//   2. Playwright's own Chromium, if `npx playwright install chromium` ever worked here;
//   3. the system's Chromium (Debian and Ubuntu: /usr/bin/chromium or chromium-browser).
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** @returns {string | undefined} the path of a Chromium executable, or undefined if none */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright has no browser of its own here; fall through to the system's.
  }
  return SYSTEM.find((path) => existsSync(path));
}
