// @ts-check
// `npm run audit [-- --runs N] [-- --http1] [-- --explain] [-- /path/]`: Lighthouse on the built
// article page (or the path given), mobile settings (Lighthouse's default: a mid-range phone on a
// slow 4G link, simulated), with the local Chromium. The page is served by real nginx with
// deploy/nginx.conf (gzip level 9, the security and cache headers: what a reader's browser
// receives from the deployed site), not by `astro preview`.
//
// By default over HTTPS with HTTP/2, as every CDN and static host serves a site: Lighthouse
// (Lantern) simulates the slow network from the protocol it observes. It models an HTTP/1.1
// origin as up to six connections, a request on a new one paying a TCP handshake of its own; an
// HTTP/2 origin as one connection whose later requests wait for no round trip of their own, only
// for their bytes to pass through its congestion window; and HTTPS as one more round trip (TLS)
// before the document's first byte. --http1 serves plain HTTP/1.1 instead (the audit's way
// before), to compare the two.
//
// It prints the four category scores, FCP, LCP, CLS, the total transfer (Lighthouse's "total
// byte weight": every response as sent, headers and compressed body) and the largest requests.
// With --runs N it runs Lighthouse N times and prints each run and the median of each figure:
// Lighthouse simulates the slow network and CPU from what it observes on this machine, so the
// times move with the machine's load (printed beside each run); take 3 runs, on a quiet machine.
// --explain adds, for the median run, Lantern's simulated path to LCP: every request and CPU task
// in its optimistic and pessimistic LCP graphs (Lighthouse's LCP is the mean of the two), with
// simulated start and end, bytes and the connection set-up each request paid.
//
// A report, not a test: the budgets that must hold are enforced in tests/e2e/performance.spec.ts
// in bytes and layout shift. The figures and what they mean are in docs/performance.md.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
// Lighthouse's own copy of Lantern (its package has no exports map, so this path is public in
// practice); --explain reads the simulator's record of its last simulation of each graph.
import * as Lantern from 'lighthouse/core/lib/lantern/lantern.js';
import { findChromium } from './chromium.mjs';
import { startNginx } from './nginx.mjs';

const root = new URL('..', import.meta.url);
const DIST = fileURLToPath(new URL('dist/', root));
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
/** How many of the largest requests the report lists. */
const LARGEST = 8;

const { values, positionals } = parseArgs({
  options: {
    runs: { type: 'string', default: '1' },
    http1: { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs: expected a whole number ≥ 1, e.g. --runs 3; received "${values.runs}".`);
  process.exit(1);
}
const PAGE = positionals[0] ?? '/articles/azerbaijan-opens-embassy-in-israel/';
const tls = !values.http1;

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
 * @returns {{ url: string, type: string, bytes: number, protocol: string }[]}
 */
function requestsOf(lhr) {
  const details = lhr.audits['network-requests']?.details;
  const items = details?.type === 'table' ? details.items : [];
  return items
    .map((item) => ({
      url: String(item['url']),
      type: String(item['resourceType'] ?? ''),
      bytes: Number(item['transferSize'] ?? 0),
      protocol: String(item['protocol'] ?? ''),
    }))
    .sort((a, b) => b.bytes - a.bytes);
}

/**
 * One node of a Lantern simulation, as --explain prints it.
 * @typedef {object} SimulatedNode
 * @property {number} start simulated start, ms after navigation
 * @property {number} end simulated end, ms
 * @property {string} what the request (type, path, bytes, protocol, connection set-up) or CPU task
 */

/**
 * What a simulated request paid before its first byte, in Lantern's terms: a new connection
 * (DNS, then TCP's handshake and the request, then TLS), a kept-alive HTTP/1.1 connection (the
 * request's round trip), or an open HTTP/2 connection (nothing: Lantern sends the response at once).
 * @param {{ dnsResolutionTime?: number, connectionTime?: number, sslTime?: number, timeToFirstByte: number } | undefined} timing
 * @returns {string}
 */
function setUpOf(timing) {
  if (!timing) return 'timing unknown';
  const ms = (/** @type {number} */ n) => Math.round(n);
  if (timing.dnsResolutionTime !== undefined || timing.sslTime !== undefined) {
    const tls = timing.sslTime ?? 0;
    return (
      `new connection: DNS ${ms(timing.dnsResolutionTime ?? 0)} + TCP and request ${ms((timing.connectionTime ?? 0) - tls)}` +
      `${tls ? ` + TLS ${ms(tls)}` : ''}, first byte after ${ms(timing.timeToFirstByte)} ms`
    );
  }
  if (timing.connectionTime !== undefined) {
    return `kept-alive connection, first byte after ${ms(timing.timeToFirstByte)} ms`;
  }
  return 'open HTTP/2 connection, first byte at once';
}

/**
 * Lantern's last simulation of the optimistic and pessimistic LCP graphs (Lighthouse's LCP is
 * ½ optimistic + ½ pessimistic), node by node in order of simulated start. Read right after a run:
 * the simulator keeps only its latest simulation of each graph.
 * @param {string} origin stripped from request URLs, e.g. "https://127.0.0.1:40123"
 * @returns {{ graph: string, nodes: SimulatedNode[] }[]}
 */
function simulatedLcpPaths(origin) {
  return ['optimistic', 'pessimistic'].map((kind) => {
    const graph = `${kind}LargestContentfulPaint`;
    const timings = Lantern.Simulation.Simulator.allNodeTimings.get(graph);
    if (!timings) throw new Error(`--explain: Lighthouse ran no Lantern simulation named ${graph}`);
    const nodes = [...timings].map(([node, timing]) => {
      let what;
      if (node.type === 'network') {
        const { request } = node;
        const path = request.url.startsWith(origin) ? request.url.slice(origin.length) : request.url;
        const connectionTiming = 'connectionTiming' in timing ? timing.connectionTiming : undefined;
        what = `${request.resourceType ?? ''} ${path} ${request.transferSize} B ${request.protocol}, ${setUpOf(connectionTiming)}`;
      } else {
        const events = new Set(node.childEvents.map((event) => event.name));
        const kinds = ['ParseHTML', 'Layout', 'Paint', 'RemoteFontLoaded'].filter((name) => events.has(name));
        what = `CPU ${kinds.join('+') || 'task'} (${(node.duration / 1000).toFixed(1)} ms observed)`;
      }
      return { start: timing.startTime, end: timing.endTime, what };
    });
    return { graph, nodes: nodes.sort((a, b) => a.start - b.start || a.end - b.end) };
  });
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

const nginx = await startNginx(readFileSync(new URL('deploy/nginx.conf', root), 'utf8'), DIST, { tls });
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: [
    // The certificate is a throwaway self-signed one made for this run (scripts/nginx.mjs): only
    // this headless browser, which visits nothing but our local nginx, is told to accept it.
    ...(tls ? ['--ignore-certificate-errors'] : []),
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
  console.log(
    `Lighthouse (mobile) for ${PAGE}, served by nginx with deploy/nginx.conf over ${tls ? 'HTTPS + HTTP/2' : 'HTTP/1.1'}:`,
  );
  /** @type {{ lhr: import('lighthouse').Result, html: string, figures: Figures, paths: ReturnType<typeof simulatedLcpPaths> }[]} */
  const results = [];
  for (let run = 1; run <= runs; run++) {
    const result = await lighthouse(url, { port: chrome.port, output: ['html'], logLevel: 'error' });
    if (!result) throw new Error('Lighthouse returned no result');
    const [html] = result.report;
    const figures = figuresOf(result.lhr);
    const paths = values.explain ? simulatedLcpPaths(nginx.origin) : [];
    results.push({ lhr: result.lhr, html: String(html), figures, paths });
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
  // What Lighthouse saw on the wire, which is what it simulates: h2 only if ALPN agreed on it.
  const protocols = Object.entries(Object.groupBy(requests, (request) => request.protocol || '(none)')).map(
    ([protocol, list]) => `${protocol} × ${list?.length ?? 0}`,
  );
  console.log(`Protocols: ${protocols.join(', ')}`);

  for (const { graph, nodes } of chosen.paths) {
    const end = Math.max(...nodes.map((node) => node.end));
    console.log(
      `\nLantern's ${graph} graph${runs > 1 ? ' (the median-LCP run)' : ''}, ends at ${Math.round(end)} ms:`,
    );
    for (const node of nodes) {
      console.log(
        `  ${String(Math.round(node.start)).padStart(5)} → ${String(Math.round(node.end)).padStart(5)} ms  ${node.what}`,
      );
    }
  }

  mkdirSync(new URL('lighthouse/', root), { recursive: true });
  writeFileSync(new URL('lighthouse/report.html', root), chosen.html);
  writeFileSync(new URL('lighthouse/report.json', root), JSON.stringify(chosen.lhr, null, 2));
  console.log('\nFull report: lighthouse/report.html (JSON: lighthouse/report.json)');
} finally {
  chrome.kill();
  await nginx.stop();
}
