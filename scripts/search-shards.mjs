// The search index in shards, one Pagefind bundle per year of publication ("pagefind/2024/"),
// joined in the reader's browser with Pagefind's mergeIndex. Pagefind has no incremental index:
// every writeFiles rewrites every chunk of its bundle, so one index of the whole archive costs a
// publish time and memory in proportion to the archive. A story lands in one year, so a publish
// re-indexes that year's shard and hard-links the others from the last build.
//
// What decides that a shard is unchanged is a digest of its pages' bytes (every byte of each
// article page, not only the part Pagefind reads: a page that changed anywhere is indexed again,
// never missed), the Pagefind version and the indexing options. The digests, and each page's
// content hash keyed by its file's identity, are kept beside dist/ (`.dist-search.json`): a page
// the build hard-linked from the last one is the same file, so its hash is not computed again.
//
// Layout of the published folder:
//   pagefind/<year>/          a whole Pagefind bundle for the articles published that year
//   pagefind/pagefind.js      Pagefind's search API over every year (written here, see
//                             facadeModule), ranked as one index would rank them
//   pagefind/shards.js        what does that (scripts/search-shards-client.mjs)
//   pagefind/pagefind-ui.js   Pagefind's UI and its CSS, linked from the newest year's bundle
//   pagefind/pagefind-ui.css
// So the search page loads the same files from the same place as with one bundle, and neither
// it nor any other page changes with the years there are. A site with no articles gets one empty
// bundle in pagefind/ itself.
import { createHash } from 'node:crypto';
import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as pagefind from 'pagefind';

/** The Pagefind version, part of every digest: a new Pagefind writes other bundles. */
const PAGEFIND_VERSION = /** @type {{ version: string }} */ (
  JSON.parse(readFileSync(new URL('../node_modules/pagefind/package.json', import.meta.url), 'utf8'))
).version;
/** The options every shard is indexed with, also part of every digest. */
const INDEX_OPTIONS = {};
/** Pagefind's UI files the search page loads at a fixed path, whatever the years. */
const UI_FILES = ['pagefind-ui.js', 'pagefind-ui.css'];
// The article head always carries the publication instant in the site's own zone and offset
// (src/lib/seo/head.ts, isoWithOffset), so its first four digits are the year the archive's
// listings group it under (src/lib/listings/groups.ts, yearMonth).
const PUBLISHED = /<meta property="article:published_time" content="(\d{4})-/;

/** The record kept beside `out`, named as the other files beside it. @param {string} out */
export const searchRecordPath = (out) => join(dirname(out), `.${basename(out)}-search.json`);

/**
 * @typedef {{ key: string, year: string, hash: string }} PageEntry a page's file identity
 *   (device, inode, size, mtime), the year it is filed under, and the SHA-256 of its bytes
 * @typedef {{ digest: string, entry: string }} ShardEntry a shard's digest, and the identity of its
 *   bundle's pagefind-entry.json: a shard folder is reused only if it is still the one recorded
 * @typedef {{ pagefind: string, shards: Record<string, ShardEntry>, pages: Record<string, PageEntry> }} SearchRecord
 */

/** @param {string} file @returns {string} */
const fileKey = (file) => {
  const stat = statSync(file, { bigint: true });
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}`;
};

/** @param {string} file @returns {string | undefined} */
const keyOr = (file) => {
  try {
    return fileKey(file);
  } catch {
    return undefined;
  }
};

/**
 * The year an article page is filed under, from its `article:published_time`.
 * @param {string} html the built page
 * @param {string} file where it is, for the message
 */
export function yearOfPage(html, file) {
  const year = PUBLISHED.exec(html)?.[1];
  if (!year) {
    throw new Error(
      `${file} has no <meta property="article:published_time" content="YYYY-…">, which files it in a ` +
        'search shard by year: the article head (src/lib/seo/head.ts) must write it.',
    );
  }
  return year;
}

/**
 * Every article page of a built site, relative to it, from a pattern with one `*` folder
 * ("articles/*\/index.html", as the site's URL scheme puts them).
 * @param {string} site @param {string} pattern
 */
function articlePages(site, pattern) {
  const [prefix, suffix] = pattern.split('*');
  if (suffix === undefined) throw new Error(`article page pattern "${pattern}" has no "*"`);
  const folder = join(site, prefix);
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(folder, entry.name + suffix)))
    .map((entry) => `${prefix}${entry.name}${suffix}`)
    .sort();
}

/** @param {string} out @returns {SearchRecord | undefined} */
function readRecord(out) {
  try {
    /** @type {SearchRecord} */
    const record = JSON.parse(readFileSync(searchRecordPath(out), 'utf8'));
    return record.pagefind === PAGEFIND_VERSION ? record : undefined;
  } catch {
    return undefined; // none yet, or unreadable: every shard is indexed
  }
}

/** The browser module that searches the years as one index, copied to pagefind/shards.js. */
const CLIENT = new URL('./search-shards-client.mjs', import.meta.url);

/**
 * Pagefind's module API (the one its UI imports from the bundle folder) over every shard: the
 * years' bundles searched together and ranked as one index of the whole archive would rank them
 * (pagefind/shards.js, from scripts/search-shards-client.mjs).
 * @param {readonly string[]} shards newest first
 */
export function facadeModule(shards) {
  return `// Pagefind's search API over every year's bundle of the site (scripts/search-shards.mjs).
import { shardedPagefind } from './shards.js';

const pagefind = shardedPagefind(new URL('./', import.meta.url), ${JSON.stringify(shards)});
export const { options, init, destroy, mergeIndex, search, debouncedSearch, preload, filters } = pagefind;
`;
}

/**
 * Hard-links a folder tree (a shard of the last build) into a new place.
 * @param {string} from @param {string} to
 */
function linkTree(from, to) {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory()) linkTree(join(from, entry.name), join(to, entry.name));
    else linkSync(join(from, entry.name), join(to, entry.name));
  }
}

/**
 * Writes one Pagefind bundle from the given pages.
 * @param {string} site the built site @param {readonly string[]} pages relative to it
 * @param {string} outputPath where the bundle goes
 */
async function writeBundle(site, pages, outputPath) {
  const { index, errors } = await pagefind.createIndex(INDEX_OPTIONS);
  if (!index) throw new Error(errors.join('\n') || 'Pagefind could not create an index');
  for (const page of pages) {
    // sourcePath relative to the site, so Pagefind makes the URL as it does reading the folder.
    const added = await index.addHTMLFile({
      sourcePath: page,
      content: readFileSync(join(site, page), 'utf8'),
    });
    if (added.errors.length > 0) throw new Error(`${page}: ${added.errors.join('\n')}`);
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
  await index.deleteIndex();
}

/**
 * Indexes the built site for /search/ in shards by year, re-indexing only the shards whose pages
 * changed since the build in `out` and hard-linking the others from it.
 * @param {{ site: string, out: string, pattern: string, force?: boolean, joined?: boolean }} build
 *   the new build's folder, the last good build's folder (dist/), where the article pages are
 *   ("articles/*\/index.html"), whether to index every shard again (`npm run build -- --force`),
 *   and whether to join the shards into the site's search ({@link joinShards}; a year slice leaves
 *   that to the merge)
 * @returns {Promise<{ pages: number, shards: string[], indexed: string[], record: SearchRecord }>}
 *   how many pages the index holds, every shard and those indexed by this build (newest first),
 *   and the record to keep beside dist/ once the build is in place ({@link saveSearchRecord})
 */
export async function indexShards({ site, out, pattern, force = false, joined = true }) {
  const last = force ? undefined : readRecord(out);
  /** @type {SearchRecord} */
  const record = { pagefind: PAGEFIND_VERSION, shards: {}, pages: {} };
  /** @type {Map<string, string[]>} */
  const byYear = new Map();
  for (const page of articlePages(site, pattern)) {
    const file = join(site, page);
    const key = fileKey(file);
    let entry = last?.pages[page];
    if (entry?.key !== key) {
      const bytes = readFileSync(file);
      entry = {
        key,
        year: yearOfPage(bytes.toString('utf8'), file),
        hash: createHash('sha256').update(bytes).digest('hex'),
      };
    }
    record.pages[page] = entry;
    const year = byYear.get(entry.year);
    if (year) year.push(page);
    else byYear.set(entry.year, [page]);
  }
  const shards = [...byYear.keys()].sort().reverse();
  const bundles = join(site, 'pagefind');
  /** @type {string[]} */
  const indexed = [];
  try {
    for (const year of shards) {
      const pages = /** @type {string[]} */ (byYear.get(year));
      const digest = createHash('sha256')
        .update(`pagefind ${PAGEFIND_VERSION} ${JSON.stringify(INDEX_OPTIONS)}\n`)
        .update(pages.map((page) => `${page}\t${record.pages[page]?.hash}\n`).join(''))
        .digest('hex');
      const before = join(out, 'pagefind', year);
      const kept = last?.shards[year];
      if (kept?.digest === digest && keyOr(join(before, 'pagefind-entry.json')) === kept.entry) {
        linkTree(before, join(bundles, year));
      } else {
        await writeBundle(site, pages, join(bundles, year));
        indexed.push(year);
      }
      record.shards[year] = { digest, entry: fileKey(join(bundles, year, 'pagefind-entry.json')) };
    }
  } finally {
    await pagefind.close();
  }
  if (joined) await joinShards(bundles);
  return { pages: Object.keys(record.pages).length, shards, indexed, record };
}

/**
 * Writes what joins the years' bundles in `bundles` (pagefind/) into one search: the API module
 * over them all, its client, and Pagefind's UI files at their fixed path; a site with no articles
 * yet gets one empty bundle there instead, so that /search/ still works. The whole build does it
 * after indexing; a build in parts, once the slices' bundles are merged (scripts/merge-parts.mjs).
 * @param {string} bundles the site's pagefind/ folder
 * @returns {Promise<string[]>} the years joined, newest first
 */
export async function joinShards(bundles) {
  const shards = existsSync(bundles)
    ? readdirSync(bundles, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && /^\d{4}$/.test(entry.name))
        .map((entry) => entry.name)
        .sort()
        .reverse()
    : [];
  if (shards.length === 0) {
    try {
      await writeBundle(bundles, [], bundles);
    } finally {
      await pagefind.close();
    }
    return shards;
  }
  for (const file of UI_FILES) linkSync(join(bundles, shards[0] ?? '', file), join(bundles, file));
  writeFileSync(join(bundles, 'shards.js'), readFileSync(CLIENT));
  writeFileSync(join(bundles, 'pagefind.js'), facadeModule(shards));
  return shards;
}

/**
 * Keeps the search record beside `out`, once the build it describes is there: the files have
 * kept their identity through the rename. Written to a temporary name and renamed, so a crash
 * leaves the old record or the new one; an old record only costs indexing again.
 * @param {string} out @param {SearchRecord} record
 */
export function saveSearchRecord(out, record) {
  const path = searchRecordPath(out);
  writeFileSync(`${path}.tmp`, JSON.stringify(record));
  renameSync(`${path}.tmp`, path);
}
