import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

// Playwright helpers that read what a page did in the browser: requests to other hosts, layout
// shift, accessibility (axe).

/** Collects every request the page makes to a host other than the site's own. */
export function recordForeignRequests(page: Page, origin: string): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.origin !== origin) foreign.push(request.url());
  });
  return foreign;
}

/**
 * Sum of the page's layout-shift scores since navigation start, read once the page has settled,
 * by conditions rather than a pause: every preloaded font has arrived (it has a resource timing
 * entry), `document.fonts` is ready, and two animation frames have run since, so the frame that
 * would use the fonts has been laid out (a layout-shift entry is queued as a frame is rendered).
 * `takeRecords()` then hands over the buffered entries at once.
 */
export async function settledLayoutShift(page: Page): Promise<number> {
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const arrived = new Set(performance.getEntriesByType('resource').map((entry) => entry.name));
          return [...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="font"]')]
            .map((link) => link.href)
            .filter((href) => !arrived.has(href));
        }),
      'preloaded fonts still on their way',
    )
    .toEqual([]);
  return page.evaluate(async () => {
    await document.fonts.ready;
    for (let frame = 0; frame < 2; frame++) await new Promise(requestAnimationFrame);
    const observer = new PerformanceObserver(() => {});
    observer.observe({ type: 'layout-shift', buffered: true });
    const shifts = observer.takeRecords() as (PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
    })[];
    observer.disconnect();
    return shifts.filter((shift) => !shift.hadRecentInput).reduce((sum, shift) => sum + shift.value, 0);
  });
}

/** The axe rule sets every page must pass: WCAG 2.0, 2.1 and 2.2 A and AA, and axe's best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * What axe finds wrong with the page as it stands, one line a rule: its id, what it asks for and
 * where (`[]` when nothing): `expect(await axeViolations(page)).toEqual([])`.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * Starts collecting, before the page loads, what the page did wrong: every CSP violation (its
 * directive and the blocked address), console error and uncaught error. Call it before
 * `page.goto`; the returned list fills as the page runs.
 */
export async function watchProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy|Refused to/i.test(message.text())) {
      problems.push(message.text());
    }
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.exposeFunction('reportViolation', (v: string) => problems.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation(v: string): void }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    );
  });
  return problems;
}
