// Keeps Astro's incremental-build cache true after a failed build. Astro writes each rendered
// page's cache copy (node_modules/.astro/dist/…) the moment the page is rendered, but rewrites its
// manifest of cache keys (node_modules/.astro/incremental-build.json) only when every page has
// rendered (node_modules/astro/dist/core/build/generate.js). When a build fails part-way, the old
// manifest still vouches for copies this run overwrote: a listing rendered with an article whose
// own page then threw. Once that article is gone, the listing's key is the old one again, and the
// next build that restores from the cache instead of linking dist/ (dist/ deleted, another
// NEWS_OUT_DIR) would ship the listing with a headline that links to nothing.
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { astroCacheDir, astroManifest, fileIn, savedManifest } from './linked-output.mjs';

/** Astro's copies of the pages it rendered, in its cacheDir. */
export const astroCacheCopies = (/** @type {string} */ root) => join(astroCacheDir(root), 'dist');

/** @param {string} file @param {string} text */
const writeAtomically = (file, text) => {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
};

/**
 * After a failed Astro run, removes from Astro's manifest every page whose cache copy the run
 * wrote (modified at or after `since`), so the next build renders those pages again instead of
 * restoring a copy the manifest's key does not describe. Pages the run did not touch stay cached.
 * When the copy beside dist/ of the manifest (scripts/linked-output.mjs) was the same, it gets the
 * same entries removed: dist/ still holds what every remaining entry describes, so the next build
 * can still start from links to it.
 *
 * Nothing is done when Astro rewrote its manifest during the run (it then failed after rendering
 * every page, and the manifest describes the copies) or has none.
 * @param {{ root: string, out: string, since: number }} build the project, dist/, and when the
 *   run started, in ms on the file system's clock (the mtime of a file made just before)
 * @returns {number} how many pages were removed from the manifest
 */
export function forgetPagesWrittenSince({ root, out, since }) {
  const manifestFile = astroManifest(root);
  if (!existsSync(manifestFile) || statSync(manifestFile).mtimeMs >= since) return 0;
  const text = readFileSync(manifestFile, 'utf8');
  /** @type {{ routes?: Record<string, { paths: Record<string, { outputFile: string }> }> }} */
  const manifest = JSON.parse(text);
  const copies = astroCacheCopies(root);
  let forgotten = 0;
  for (const route of Object.values(manifest.routes ?? {})) {
    for (const [pathname, entry] of Object.entries(route.paths)) {
      let written = false;
      try {
        written = statSync(fileIn(copies, entry.outputFile)).mtimeMs >= since;
      } catch {
        // No copy: Astro renders the page again anyway.
      }
      if (!written) continue;
      delete route.paths[pathname];
      forgotten++;
    }
  }
  if (forgotten === 0) return 0;
  const saved = savedManifest(out);
  const describesOut = existsSync(saved) && readFileSync(saved, 'utf8') === text;
  // Astro's own layout, so the copy beside dist/ compares equal as text.
  const pruned = JSON.stringify(manifest, null, '\t');
  writeAtomically(manifestFile, pruned);
  if (describesOut) writeAtomically(saved, pruned);
  return forgotten;
}

/**
 * {@link forgetPagesWrittenSince}, or, when that cannot be done (an unreadable manifest, a write
 * that fails), the manifest deleted: the next build then renders every page once, which is slow
 * but never wrong. Says on stderr what it did.
 * @param {{ root: string, out: string, since: number }} build
 */
export function repairAstroCache(build) {
  try {
    const forgotten = forgetPagesWrittenSince(build);
    if (forgotten > 0) {
      console.error(
        `${forgotten} page${forgotten === 1 ? '' : 's'} this build rendered before it failed ` +
          `${forgotten === 1 ? 'was' : 'were'} removed from Astro's cache manifest: the next build renders ${forgotten === 1 ? 'it' : 'them'} again.`,
      );
    }
  } catch (error) {
    const manifestFile = astroManifest(build.root);
    rmSync(manifestFile, { force: true });
    console.error(
      `Could not update ${manifestFile} (${error instanceof Error ? error.message : String(error)}): ` +
        'deleted it, so the next build renders every page once.',
    );
  }
}
