// The one way a finished site takes the place of the last good one (`npm run build`,
// `npm run merge-parts`): two renames on one file system, so a reader gets the old site or the new
// one, never a mix, and never none.
import { existsSync, renameSync, rmSync } from 'node:fs';

/**
 * Moves `out` (the last good site, if any) to `previous` and `next` (the new one) to `out`. When
 * the second rename fails, the last good site goes back before the error is thrown. `previous` is
 * left for the caller to remove once readers have the new site.
 * @param {{ next: string, out: string, previous: string }} folders
 */
export function swapIn({ next, out, previous }) {
  rmSync(previous, { recursive: true, force: true });
  const hadOut = existsSync(out);
  if (hadOut) renameSync(out, previous);
  try {
    renameSync(next, out);
  } catch (error) {
    // dist/ must not stay missing: the last good build goes back.
    if (hadOut) renameSync(previous, out);
    throw error;
  }
}
