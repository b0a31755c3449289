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
//   last good build was made with (saved beside dist/ on each swap). After a build of another
//   kind with the same cache (the example archive, a test's --outDir) the manifests differ and
//   the build starts empty, as before. A failed build leaves both as they were, but for the pages
//   it rendered before failing, which it takes out of both (scripts/astro-cache.mjs): dist/ still
//   holds what every remaining entry describes.
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
import { basename, dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Astro's cacheDir, as astro.config.mjs sets it: node_modules/.astro/, or `NEWS_ASTRO_CACHE_DIR`
 * (a part of the site built on its own keeps its own: scripts/build-part.mjs).
 * @param {string} root @param {Record<string, string | undefined>} env
 */
export const astroCacheDir = (root, env = process.env) =>
  env.NEWS_ASTRO_CACHE_DIR ? resolve(root, env.NEWS_ASTRO_CACHE_DIR) : join(root, 'node_modules/.astro');

/** Astro's incremental-build manifest, in its cacheDir. */
export const astroManifest = (/** @type {string} */ root) =>
  join(astroCacheDir(root), 'incremental-build.json');

/** The copy of Astro's manifest that describes the build now in `out`, kept beside it. */
export const savedManifest = (/** @type {string} */ out) =>
  join(dirname(out), `.${basename(out)}-manifest.json`);

/**
 * Where a file a manifest records lies on disk under `folder`. Astro records output files as URL
 * paths, percent-encoded (a Hebrew tag's page is "tags/%D7%99…/index.html"), and writes them
 * through a file: URL, which decodes them; resolving the same way finds the same file.
 * @param {string} folder a build folder, or Astro's folder of cache copies
 * @param {string} file an output file as the manifest records it
 */
export const fileIn = (folder, file) =>
  fileURLToPath(new URL(file, pathToFileURL(folder.endsWith(sep) ? folder : folder + sep)));

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
    const from = fileIn(out, file);
    let isFile = false;
    try {
      isFile = lstatSync(from).isFile();
    } catch {
      continue; // not in dist/ (Astro will restore or render it)
    }
    if (!isFile) continue;
    const to = fileIn(next, file);
    const folder = dirname(to);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    try {
      linkSync(from, to);
    } catch (error) {
      const code = /** @type {NodeJS.ErrnoException} */ (error).code;
      throw new Error(
        `${code === 'EXDEV' ? `${out} and ${next} are on different file systems` : `${from} cannot be hard-linked (${code})`}: ` +
          `keep ${basename(out)}/ on a file system with hard links to start builds from the last one`,
        { cause: error },
      );
    }
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
  const manifest = astroManifest(root);
  if (!existsSync(manifest)) {
    // Without it nothing tells a page taken down from a page kept: shipping the folder could
    // publish a page that should be gone.
    throw new Error(
      `${manifest} is missing after Astro's build, so the pages linked from the last build that are no ` +
        'longer built cannot be told apart: is experimental.incrementalBuild still on in astro.config.mjs ' +
        '(with the default cacheDir)? Run `npm run build -- --force` to build from nothing.',
    );
  }
  const kept = outputFiles(readFileSync(manifest, 'utf8'));
  let removed = 0;
  for (const file of linked) {
    if (kept.has(file)) continue;
    const path = fileIn(next, file);
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
