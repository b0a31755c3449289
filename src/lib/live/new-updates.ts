/**
 * The browser side of the "new updates" button (src/components/live/NewUpdates.astro), bundled
 * by Astro into the one script a live page has. It reads the page's JSON Feed; it never inserts
 * an update, only offers to reload.
 */

/** How often the feed is checked while the tab is visible. */
export const CHECK_EVERY_MS = 60_000;

/** sessionStorage key: set before the reload the button asks for, so the page then moves focus. */
const FOCUS_KEY = 'news-live-focus';

/**
 * How many items of a JSON Feed are newer than `latest` (ISO), by `date_published`; every item
 * when the page shows none yet.
 * @example countNewer({ items: [{ date_published: '2023-03-29T11:00:00+03:00' }] }, '2023-03-29T10:15:00+03:00') // 1
 */
export function countNewer(feed: unknown, latest: string | undefined): number {
  const items = (feed as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) return 0;
  const since = latest ? Date.parse(latest) : -Infinity;
  return items.filter((item: { date_published?: unknown }) => {
    const at = typeof item?.date_published === 'string' ? Date.parse(item.date_published) : NaN;
    return at > since;
  }).length;
}

/**
 * Starts checking for newer updates for one region: every {@link CHECK_EVERY_MS} while the
 * document is visible, and at once each time it becomes visible again. Moves the focus to the
 * updates' heading when the page was reloaded from the button.
 */
export function startNewUpdates(region: HTMLElement, doc: Document, win: Window): void {
  const { feed = '', latest, target = '' } = region.dataset;
  const heading = doc.getElementById(target);
  if (win.sessionStorage.getItem(FOCUS_KEY) === win.location.pathname) {
    win.sessionStorage.removeItem(FOCUS_KEY);
    heading?.focus();
  }
  let timer: ReturnType<typeof setInterval> | undefined;
  const check = async () => {
    try {
      const response = await fetch(feed, { cache: 'no-store' });
      if (!response.ok) return;
      show(countNewer(await response.json(), latest));
    } catch {
      // Offline or a half-written feed: the next check tries again.
    }
  };
  const show = (count: number) => {
    if (count === 0) return;
    let button = region.querySelector('button');
    if (!button) {
      button = doc.createElement('button');
      button.type = 'button';
      button.addEventListener('click', () => {
        win.sessionStorage.setItem(FOCUS_KEY, win.location.pathname);
        win.location.reload();
      });
      region.append(button);
    }
    // Written only when it changes: a live region reads out every write, and the same count
    // each minute would be said again and again.
    const label = `${count} new update${count === 1 ? '' : 's'}`;
    if (button.textContent !== label) button.textContent = label;
  };
  // At load the page is fresh: the first check waits its minute. A tab shown again checks at once.
  const follow = (now: boolean) => {
    clearInterval(timer);
    timer = undefined;
    if (doc.visibilityState !== 'visible') return;
    if (now) void check();
    timer = setInterval(() => void check(), CHECK_EVERY_MS);
  };
  doc.addEventListener('visibilitychange', () => follow(true));
  follow(false);
}
