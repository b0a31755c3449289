// Makes sure the browser, validity and deploy tests have what they need outside npm:
//   - a Chromium for Playwright (it cannot download its own on machines without general internet);
//   - Java 11 or later for the W3C Nu HTML Checker (npm `vnu-jar`);
//   - nginx, which serves dist/ with deploy/nginx.conf in tests/e2e/deploy-nginx.spec.ts;
//   - systemd-analyze, which checks deploy/news-build.service and .timer in
//     tests/e2e/deploy-systemd.spec.ts;
//   - Hugo, which tests/unit/hugo-corpus.test.ts builds the bench's archive with (optional: that
//     one test is skipped without it, and so is Hugo in `npm run bench`).
// On a fresh Debian machine where we are root (CI, a new container) it installs what is missing
// from Debian's packages; anywhere else it stops with one line per tool saying what to install
// (for an optional tool, it says so and goes on).
import { hugoVersion } from '../bench/lib/hugo/project.mjs';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium.mjs';
import { findNginx } from './nginx.mjs';
import { findSystemdAnalyze } from './systemd.mjs';

const canApt =
  typeof process.getuid === 'function' &&
  process.getuid() === 0 &&
  existsSync('/etc/debian_version') &&
  existsSync('/usr/bin/apt-get');

function javaVersion() {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.status !== 0) return undefined;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major; // "1.8" means Java 8
}

const tools = [
  {
    name: 'Chromium',
    found: () => findChromium(),
    debianPackage: 'chromium',
    advice:
      'install one (Debian/Ubuntu: `sudo apt-get install chromium`; elsewhere: `npx playwright install chromium`) or set CHROMIUM_PATH to its executable',
  },
  {
    name: 'Java ≥ 11 (for the Nu HTML Checker)',
    found: () => ((javaVersion() ?? 0) >= 11 ? `java ${javaVersion()}` : undefined),
    debianPackage: 'default-jre-headless',
    advice: 'install a Java runtime 11 or later (Debian/Ubuntu: `sudo apt-get install default-jre-headless`)',
  },
  {
    name: 'nginx (for the deploy config check)',
    found: () => findNginx(),
    // `nginx`, not `nginx-light`: in Debian 12 nginx-light is a transitional package that pulls
    // in `nginx` plus a module we do not use, and `nginx` is the name every Debian and Ubuntu
    // release has. The test starts its own nginx on a free port; it never uses the service the
    // package may start on port 80.
    debianPackage: 'nginx',
    advice:
      'install it (Debian/Ubuntu: `sudo apt-get install nginx`; macOS: `brew install nginx`) or set NGINX_PATH to its executable',
  },
  {
    name: 'systemd-analyze (for the timer and service check)',
    found: () => findSystemdAnalyze(),
    // Only its checker is used: the test runs `systemd-analyze verify` on the unit files and
    // starts nothing (in a container, systemd is installed but not running).
    debianPackage: 'systemd',
    advice:
      'install systemd (Debian/Ubuntu: `sudo apt-get install systemd`; on macOS run the tests in a Linux container) or set SYSTEMD_ANALYZE_PATH to its systemd-analyze',
  },
  {
    name: 'Hugo (for the bench archive as a Hugo site)',
    found: () => hugoVersion() ?? undefined,
    // Debian 12's is 0.111 (extended: it encodes WebP), the version the bench's theme is written for.
    debianPackage: 'hugo',
    optional: true,
    advice:
      "install it to run tests/unit/hugo-corpus.test.ts's build and the bench's Hugo side (Debian/Ubuntu: `sudo apt-get install hugo`; macOS: `brew install hugo`)",
  },
];

let missing = tools.filter((tool) => !tool.found());
if (missing.length > 0 && canApt) {
  const packages = missing.map((tool) => tool.debianPackage);
  console.log(`Installing from Debian: ${packages.join(', ')}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env,
  });
  missing = tools.filter((tool) => !tool.found());
}
for (const tool of tools.filter((t) => !missing.includes(t))) console.log(`${tool.name}: ${tool.found()}`);
for (const tool of missing) {
  console.error(
    `${tool.optional ? 'Optional, missing' : 'Missing'} ${tool.name} for the tests: ${tool.advice}.`,
  );
}
process.exit(missing.some((tool) => !tool.optional) ? 1 : 0);
