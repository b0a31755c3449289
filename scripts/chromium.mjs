// Finds a Chromium for Playwright. Playwright cannot download its own browsers on machines
// without general internet access, so we look, in order, at:
//   1. CHROMIUM_PATH, if set (it must be an executable: a wrong value is an error, not a silent skip);
//   2. Playwright's own Chromium, if `npx playwright install chromium` ever worked here;
//   3. the system's Chromium (Debian and Ubuntu: /usr/bin/chromium or chromium-browser).
import { chromium } from '@playwright/test';
import { findExecutable } from './executable.mjs';

const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Playwright's own Chromium, where it would be; undefined when Playwright has none here. */
const playwrights = () => {
  try {
    return chromium.executablePath();
  } catch {
    // Playwright has no browser of its own here; fall through to the system's.
    return undefined;
  }
};

/** @returns {string | undefined} the path of a Chromium executable, or undefined if none */
export function findChromium() {
  return findExecutable({ env: 'CHROMIUM_PATH', candidates: [playwrights, ...SYSTEM] });
}
