/**
 * The build's "now": when an embargoed article may appear, what "the last two days" means for the
 * Google News sitemap. Read once per build. `NEWS_BUILD_TIME` (an ISO instant) pins it, so tests
 * of time-based behaviour are repeatable.
 */
function readBuildTime(): Date {
  const pinned = process.env.NEWS_BUILD_TIME;
  if (!pinned) return new Date();
  const date = new Date(pinned);
  if (Number.isNaN(date.getTime())) {
    throw new Error(
      `NEWS_BUILD_TIME=${pinned} is not a date; write an ISO instant such as 2023-03-30T12:00:00Z`,
    );
  }
  return date;
}

export const buildTime: Date = readBuildTime();
