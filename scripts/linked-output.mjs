// The publish path's shortcut: a new build starts from hard links to the last good build's pages
// instead of an empty folder, so Astro's incremental build finds every page it would skip already
// in place ("(cached)") and does not copy it out of its cache. At 10,000 pages that copy was most
// of what adding one story cost after rendering.
//
// The guarantees stay those of an empty folder:
// - dist/ never changes while a build runs: the Astro process breaks a link before it writes
//   (scripts/break-links.mjs), so a page rendered again is a new file and dist/ keeps its own.
// - Only pages Astro's cache would itself restore are linked: those recorded in its manifest
//   (node_modules/.astro/incremental-build.json), and only when that manifest is the one the
//   last good build was made with (saved beside dist/ on each swap). After a failed build, or a
//   build of another kind with the same cache (the example archive, a test's --outDir), the
//   manifests differ and the build starts empty, as before.
// - Pages the new build no longer has (an article taken down, a tag gone) are removed from the
//   folder after Astro, so the result is the same set of files as a build from nothing. The
//   build tests compare the two.
import {
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Astro's incremental-build manifest, in its default cacheDir (astro.config.mjs keeps it). */
export const astroManifest = (/** @type {string} */ root) =>
  join(root, 'node_modules/.astro/incremental-build.json');

/** The copy of Astro's manifest that describes the build now in `out`, kept beside it. */
export const savedManifest = (/** @type {string} */ out) =>
  join(dirname(out), `.${basename(out)}-manifest.json`);

/**
 * Every output file a manifest records, relative to the build folder.
 * @param {string} text the manifest's JSON
 * @returns {Set<string>}
 */
function outputFiles(text) {
  /** @type {{ routes?: Record<string, { paths: Record<string, { outputFile: string }> }> }} */
  const manifest = JSON.parse(text);
  const files = new Set();
  for (const route of Object.values(manifest.routes ?? {})) {
    for (const path of Object.values(route.paths)) files.add(path.outputFile);
  }
  return files;
}

/**
 * Hard-links the last good build's cached pages into the (empty) new build folder, when Astro's
 * manifest is still the one that build was made with.
 * @param {{ root: string, out: string, next: string }} folders the project, dist/ and the new build's folder
 * @returns {string[]} the files linked, relative to the folders (none when the build starts empty)
 */
export function linkPreviousPages({ root, out, next }) {
  const saved = savedManifest(out);
  const current = astroManifest(root);
  if (!existsSync(out) || !existsSync(saved) || !existsSync(current)) return [];
  const text = readFileSync(current, 'utf8');
  if (readFileSync(saved, 'utf8') !== text) return [];
  const linked = [];
  const made = new Set();
  for (const file of outputFiles(text)) {
    const from = join(out, file);
    let isFile = false;
    try {
      isFile = lstatSync(from).isFile();
    } catch {
      continue; // not in dist/ (Astro will restore or render it)
    }
    if (!isFile) continue;
    const to = join(next, file);
    const folder = dirname(to);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    linkSync(from, to);
    linked.push(file);
  }
  return linked;
}

/**
 * Removes from the new build the linked pages it no longer has: those Astro neither kept (its new
 * manifest records them) nor wrote again (a written page is a file of its own, no longer a link).
 * @param {{ root: string, next: string, linked: readonly string[] }} build
 * @returns {number} how many were removed
 */
export function removeStalePages({ root, next, linked }) {
  if (linked.length === 0) return 0;
  const kept = outputFiles(readFileSync(astroManifest(root), 'utf8'));
  let removed = 0;
  for (const file of linked) {
    if (kept.has(file)) continue;
    const path = join(next, file);
    try {
      if (lstatSync(path).nlink < 2) continue; // written by this build
    } catch {
      continue;
    }
    unlinkSync(path);
    removed++;
    // Folders the page leaves empty go too (articles/<id>/ for a page taken down).
    for (let folder = dirname(path); folder.startsWith(next) && folder !== next; folder = dirname(folder)) {
      if (readdirSync(folder).length > 0) break;
      rmdirSync(folder);
    }
  }
  return removed;
}

/**
 * Records that `out` now holds the build Astro's current manifest describes (after the swap).
 * Written to a temporary name and renamed, so a crash leaves the old record or the new one.
 * @param {{ root: string, out: string }} folders
 */
export function saveManifest({ root, out }) {
  const current = astroManifest(root);
  const saved = savedManifest(out);
  if (!existsSync(current) || !statSync(current).isFile()) return;
  writeFileSync(`${saved}.tmp`, readFileSync(current));
  renameSync(`${saved}.tmp`, saved);
}
