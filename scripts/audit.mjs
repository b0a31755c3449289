// @ts-check
// `npm run audit [-- --runs N] [-- /path/]`: Lighthouse on the built article page (or the path
// given), mobile settings (Lighthouse's default: a mid-range phone on a slow 4G link, simulated),
// with the local Chromium. The page is served by real nginx with deploy/nginx.conf (gzip level 9,
// the security and cache headers: what a reader's browser receives from the deployed site), not
// by `astro preview`.
//
// It prints the four category scores, FCP, LCP, CLS, the total transfer (Lighthouse's "total
// byte weight": every response as sent, headers and compressed body) and the largest requests.
// With --runs N it runs Lighthouse N times and prints each run and the median of each figure:
// Lighthouse simulates the slow network and CPU from what it observes on this machine, so the
// times move with the machine's load (printed beside each run); take 3 runs, on a quiet machine.
//
// A report, not a test: the budgets that must hold are enforced in tests/e2e/performance.spec.ts
// in bytes and layout shift. The figures and what they mean are in README.md, "Performance".
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { findChromium } from './chromium.mjs';
import { startNginx } from './nginx.mjs';

const root = new URL('..', import.meta.url);
const DIST = fileURLToPath(new URL('dist/', root));
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
/** How many of the largest requests the report lists. */
const LARGEST = 8;

const { values, positionals } = parseArgs({
  options: { runs: { type: 'string', default: '1' } },
  allowPositionals: true,
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs: expected a whole number ≥ 1, e.g. --runs 3; received "${values.runs}".`);
  process.exit(1);
}
const PAGE = positionals[0] ?? '/articles/azerbaijan-opens-embassy-in-israel/';

if (!existsSync(`${DIST}index.html`)) {
  console.error('No build in dist/: run `npm run build` first.');
  process.exit(1);
}
const chromePath = findChromium();
if (!chromePath) {
  console.error('No Chromium found: run `node scripts/ensure-test-tools.mjs` or set CHROMIUM_PATH.');
  process.exit(1);
}

/**
 * The figures of one Lighthouse run.
 * @typedef {object} Figures
 * @property {number} fcp First Contentful Paint, ms (simulated)
 * @property {number} lcp Largest Contentful Paint, ms (simulated)
 * @property {number} cls Cumulative Layout Shift
 * @property {number} bytes total transfer, bytes (every request, compressed as sent)
 * @property {number[]} scores the four category scores, 0–100, in CATEGORIES order
 */

/**
 * @param {import('lighthouse').Result} lhr
 * @returns {Figures}
 */
function figuresOf(lhr) {
  /** @param {string} id */
  const value = (id) => {
    const audit = lhr.audits[id];
    if (audit?.numericValue === undefined) throw new Error(`Lighthouse gave no value for ${id}`);
    return audit.numericValue;
  };
  return {
    fcp: value('first-contentful-paint'),
    lcp: value('largest-contentful-paint'),
    cls: value('cumulative-layout-shift'),
    bytes: value('total-byte-weight'),
    scores: CATEGORIES.map((key) => Math.round((lhr.categories[key]?.score ?? 0) * 100)),
  };
}

/**
 * Every request of a run, largest transfer first.
 * @param {import('lighthouse').Result} lhr
 * @returns {{ url: string, type: string, bytes: number }[]}
 */
function requestsOf(lhr) {
  const details = lhr.audits['network-requests']?.details;
  const items = details?.type === 'table' ? details.items : [];
  return items
    .map((item) => ({
      url: String(item['url']),
      type: String(item['resourceType'] ?? ''),
      bytes: Number(item['transferSize'] ?? 0),
    }))
    .sort((a, b) => b.bytes - a.bytes);
}

/** @param {number[]} numbers */
const median = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
};
/** @param {number} ms */
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
/** @param {number} bytes */
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
/** @param {Figures} f */
const row = (f) =>
  `FCP ${seconds(f.fcp)}  LCP ${seconds(f.lcp)}  CLS ${f.cls.toFixed(3)}  ${kb(f.bytes).padStart(8)}  ` +
  f.scores.join('/');
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

const nginx = await startNginx(readFileSync(new URL('deploy/nginx.conf', root), 'utf8'), DIST);
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
  const url = `${nginx.origin}${PAGE}`;
  console.log(`Lighthouse (mobile) for ${PAGE}, served by nginx with deploy/nginx.conf:`);
  /** @type {{ lhr: import('lighthouse').Result, html: string, figures: Figures }[]} */
  const results = [];
  for (let run = 1; run <= runs; run++) {
    const result = await lighthouse(url, { port: chrome.port, output: ['html'], logLevel: 'error' });
    if (!result) throw new Error('Lighthouse returned no result');
    const [html] = result.report;
    const figures = figuresOf(result.lhr);
    results.push({ lhr: result.lhr, html: String(html), figures });
    console.log(`  run ${run}:  ${row(figures)}   (load average ${load()})`);
  }

  const middle = {
    fcp: median(results.map((r) => r.figures.fcp)),
    lcp: median(results.map((r) => r.figures.lcp)),
    cls: median(results.map((r) => r.figures.cls)),
    bytes: median(results.map((r) => r.figures.bytes)),
    scores: CATEGORIES.map((_, i) => median(results.map((r) => r.figures.scores[i] ?? 0))),
  };
  // The run whose LCP is the median one stands for all: its requests and its full report.
  const chosen = [...results].sort((a, b) => a.figures.lcp - b.figures.lcp)[Math.floor((runs - 1) / 2)];
  if (!chosen) throw new Error('no Lighthouse run');

  console.log(`\n${runs > 1 ? `Median of ${runs} runs` : 'Result'}:`);
  CATEGORIES.forEach((key, i) => {
    console.log(`  ${(chosen.lhr.categories[key]?.title ?? key).padEnd(26)} ${middle.scores[i]}`);
  });
  console.log(`  ${'First Contentful Paint'.padEnd(26)} ${seconds(middle.fcp)}`);
  console.log(`  ${'Largest Contentful Paint'.padEnd(26)} ${seconds(middle.lcp)}`);
  console.log(`  ${'Cumulative Layout Shift'.padEnd(26)} ${middle.cls.toFixed(3)}`);
  console.log(`  ${'Total transfer'.padEnd(26)} ${kb(middle.bytes)} (${Math.round(middle.bytes)} bytes)`);

  const requests = requestsOf(chosen.lhr);
  console.log(`\nLargest requests${runs > 1 ? ' (the median-LCP run)' : ''}:`);
  for (const request of requests.slice(0, LARGEST)) {
    const path = request.url.startsWith(nginx.origin) ? request.url.slice(nginx.origin.length) : request.url;
    console.log(`  ${String(request.bytes).padStart(7)}  ${request.type.padEnd(10)} ${path}`);
  }
  if (requests.length > LARGEST) console.log(`  … and ${requests.length - LARGEST} more`);

  mkdirSync(new URL('lighthouse/', root), { recursive: true });
  writeFileSync(new URL('lighthouse/report.html', root), chosen.html);
  writeFileSync(new URL('lighthouse/report.json', root), JSON.stringify(chosen.lhr, null, 2));
  console.log('\nFull report: lighthouse/report.html (JSON: lighthouse/report.json)');
} finally {
  chrome.kill();
  await nginx.stop();
}
