// `npm run audit`: Lighthouse on the built article page, mobile settings (Lighthouse's default:
// a mid-range phone on a slow 4G link, simulated), with the local Chromium. It prints the four
// category scores. A report, not a test: Lighthouse's timings vary from run to run, so the
// budgets that must hold are enforced in tests/e2e/performance.spec.ts in bytes and layout shift.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { astroCommand, start } from './astro.mjs';
import { findChromium } from './chromium.mjs';

const PORT = 4322;
const PAGE = process.argv[2] ?? '/articles/azerbaijan-opens-embassy-in-israel/';
const root = new URL('..', import.meta.url);

if (!existsSync(new URL('dist/index.html', root))) {
  console.error('No build in dist/: run `npm run build` first.');
  process.exit(1);
}
const chromePath = findChromium();
if (!chromePath) {
  console.error('No Chromium found: run `node scripts/ensure-test-tools.mjs` or set CHROMIUM_PATH.');
  process.exit(1);
}

const server = start(astroCommand(['preview', '--port', String(PORT), '--host', 'localhost']), {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve, reject) => {
  server.stdout.on('data', (chunk) => String(chunk).includes(`localhost:${PORT}`) && resolve(undefined));
  server.on('exit', (code) => reject(new Error(`astro preview exited with ${code}`)));
});

const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
try {
  const url = `http://localhost:${PORT}${PAGE}`;
  const result = await lighthouse(url, { port: chrome.port, output: ['html', 'json'], logLevel: 'error' });
  if (!result) throw new Error('Lighthouse returned no result');
  const { categories } = result.lhr;
  mkdirSync(new URL('lighthouse/', root), { recursive: true });
  const [html] = result.report;
  writeFileSync(new URL('lighthouse/report.html', root), html);
  console.log(`Lighthouse (mobile) for ${PAGE}:`);
  for (const key of ['performance', 'accessibility', 'best-practices', 'seo']) {
    console.log(`  ${categories[key].title.padEnd(16)} ${Math.round(categories[key].score * 100)}`);
  }
  console.log('Full report: lighthouse/report.html');
} finally {
  chrome.kill();
  server.kill();
}
