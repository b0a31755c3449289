// Builds the site without ever leaving a half-written dist/. Astro writes to a temporary folder of
// its own, Pagefind indexes that folder for the search page; only when both have succeeded does
// the folder replace dist/ (two renames on the same file system). A failed build or a failed
// index leaves the last good dist/ exactly as it was. The folder starts with hard links to the
// last good build's unchanged pages rather than empty, and never writes through them
// (scripts/linked-output.mjs).
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { astroCommand, runInherited } from './astro.mjs';
import { linkPreviousPages, removeStalePages, saveManifest } from './linked-output.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const BREAK_LINKS = fileURLToPath(new URL('break-links.mjs', import.meta.url));
// The same folder astro.config.mjs names: dist/, or dist-fixtures/ for the example archive;
// NEWS_OUT_DIR (an absolute path) puts a build elsewhere, as the base-path test does. The
// temporary folders sit next to it, on the same file system, so the swap is two renames.
const out = process.env.NEWS_OUT_DIR
  ? resolve(process.env.NEWS_OUT_DIR)
  : `${root}${process.env.NEWS_FIXTURES === '1' ? 'dist-fixtures' : 'dist'}`;
const next = join(dirname(out), `.${basename(out)}-next`);
const previous = join(dirname(out), `.${basename(out)}-previous`);

/** Removes the unfinished build and says that dist/ is untouched. @param {string} why */
const discard = (why) => {
  rmSync(next, { recursive: true, force: true });
  console.error(`\n${why}: ${out} was left as it was${existsSync(out) ? ' (the last good build)' : ''}.`);
};
/** @param {string} why @param {number} status */
const fail = (why, status = 1) => {
  discard(why);
  process.exit(status);
};

rmSync(next, { recursive: true, force: true });
// The pages Astro would copy out of its cache start as hard links to dist/'s (scripts/linked-output.mjs);
// `--force` (render everything again) starts from nothing.
const force = process.argv.includes('--force');
const linked = force ? [] : linkPreviousPages({ root, out, next });
const status = runInherited(
  astroCommand(['build', '--outDir', next, ...process.argv.slice(2)], { preload: BREAK_LINKS }),
  { cwd: root, env: linked.length > 0 ? { NEWS_LINKED_OUT_DIR: next } : {} },
);
if (status !== 0) fail('Build failed', status ?? 1);
const stale = removeStalePages({ root, next, linked });
if (linked.length > 0) {
  console.log(
    `${linked.length} unchanged page${linked.length === 1 ? '' : 's'} linked from the last build` +
      (stale > 0 ? `, ${stale} no longer built removed.` : '.'),
  );
}

/**
 * Indexes the built site for /search/ with Pagefind (its binary comes from the npm package
 * @pagefind/linux-x64 and friends; nothing is downloaded). Only the `data-pagefind-body` part of
 * article pages is indexed, so the header, footer and listing pages never match a search.
 * @param {string} site the built site's folder; the index is written into its pagefind/
 * @returns {Promise<number>} how many pages the index holds
 */
async function indexForSearch(site) {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(errors.join('\n') || 'Pagefind could not create an index');
    // With no page carrying the marker (a site without articles yet), Pagefind would index every
    // whole page, header and footer included; an empty index keeps /search/ working and honest.
    if (hasBodyMarker(site)) {
      const added = await index.addDirectory({ path: site });
      if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
    }
    const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
    if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
  } finally {
    await pagefind.close();
  }
  // addDirectory counts every HTML file it read, marked or not; the written index knows how many
  // pages it holds.
  /** @type {{ languages: Record<string, { page_count: number }> }} */
  const entry = JSON.parse(readFileSync(join(site, 'pagefind', 'pagefind-entry.json'), 'utf8'));
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/**
 * @param {string} dir
 * @returns {boolean} whether some HTML file under dir carries the data-pagefind-body marker
 */
function hasBodyMarker(dir) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).some((file) => {
    const path = join(dir, file);
    return (
      file.endsWith('.html') &&
      statSync(path).isFile() &&
      /\sdata-pagefind-body[\s>=]/.test(readFileSync(path, 'utf8'))
    );
  });
}

// If Pagefind's binary crashes, its service never answers: the await below stays unsettled and
// Node exits (code 13) without reaching the catch. Clean up and say why on the way out then too.
let indexed = false;
process.on('exit', () => {
  if (!indexed && existsSync(next)) discard('Search index failed (Pagefind stopped)');
});
let pages;
try {
  pages = await indexForSearch(next);
} catch (error) {
  console.error(`\nPagefind failed: ${error instanceof Error ? error.message : String(error)}`);
  fail('Search index failed');
}
indexed = true;
console.log(`Pagefind indexed ${pages} page${pages === 1 ? '' : 's'} for /search/.`);

rmSync(previous, { recursive: true, force: true });
if (existsSync(out)) renameSync(out, previous);
renameSync(next, out);
saveManifest({ root, out });
rmSync(previous, { recursive: true, force: true });
console.log(`${out} now holds the new build.`);
