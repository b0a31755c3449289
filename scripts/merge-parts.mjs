// `npm run merge-parts -- <folder…>`: assembles the site from its parts (src/lib/parts/,
// docs/parts.md), each built by `npm run build:part` here or on a machine of its own, into dist/,
// with the same atomic swap as `npm run build`: the new site is put together beside dist/ and
// replaces it in one rename, and anything wrong leaves dist/ exactly as it was.
//
// Each folder is a part's output (`parts/<part>/site/`, or the `parts/<part>/` around it). The merge
// refuses:
// - a folder that is not a part's output, a part given twice, and a missing part (the front and
//   every slice of the count the parts were built for);
// - parts built from different commits, configs (site URL, base path, page size) or build times,
//   or with different assignments of years to slices; and a merge run with another config;
// - a file that two parts hold, or that its part does not hold (ownerOfFile); an asset in _astro/,
//   named by its content, may come from several parts, with the same bytes;
// then writes what joins the parts: the sitemap index and the search's entry point over every
// year's bundle (scripts/sitemaps.mjs, scripts/search-shards.mjs), as a whole build writes them.
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ownerOfFile } from '../src/lib/parts/parts.ts';
import { siteConfig } from '../src/site.config.ts';
import { takeBuildLock } from './build-lock.mjs';
import { savedManifest } from './linked-output.mjs';
import { filesIn, readPartRecord } from './part-output.mjs';
import { configDigest, PART_RECORD } from './parts.mjs';
import { outFolder, recordBuild, sourcesFingerprint } from './schedule.mjs';
import { joinShards, searchRecordPath } from './search-shards.mjs';
import { writeSitemapIndex } from './sitemaps.mjs';
import { swapIn } from './swap.mjs';

/** A merge the parts do not allow: said as it is, nothing written. */
export class MergeRefused extends Error {}

/**
 * Reads and checks the parts' records.
 * @param {readonly string[]} folders each a part's output, or the folder around it holding `site/`
 * @param {Record<string, string | undefined>} env
 */
export function checkParts(folders, env = process.env) {
  if (folders.length === 0)
    throw new MergeRefused(
      "No parts given: name each part's folder, e.g. parts/front parts/slice-1-of-2 parts/slice-2-of-2.",
    );
  const parts = folders.map((given) => {
    const site = existsSync(join(given, PART_RECORD)) ? given : join(given, 'site');
    const record = readPartRecord(site);
    if (!record) {
      throw new MergeRefused(
        `${given} is not a part's output: it has no ${PART_RECORD}. Build each part with \`npm run build:part -- <part>\` and give its folder (parts/<part>/).`,
      );
    }
    return { given, site: resolve(site), record };
  });
  const [first] = parts;
  if (!first) throw new MergeRefused('No parts given.');
  for (const { given, record } of parts) {
    for (const [field, what] of /** @type {const} */ ([
      ['commit', 'commit'],
      ['sources', 'set of sources (a file differs)'],
      ['config', 'config (SITE_URL, BASE_PATH, NEWS_PAGE_SIZE, NEWS_FIXTURES)'],
      ['buildTime', 'build time (NEWS_BUILD_TIME)'],
    ])) {
      if (record[field] !== first.record[field]) {
        throw new MergeRefused(
          `${given} was built from another ${what} than ${first.given}: ${record[field]} against ${first.record[field]}. ` +
            'Build every part from the same commit, with the same settings and NEWS_BUILD_TIME.',
        );
      }
    }
  }
  if (first.record.config !== configDigest(env)) {
    throw new MergeRefused(
      'The parts were built with another config than this merge runs with (SITE_URL, BASE_PATH, NEWS_PAGE_SIZE, NEWS_FIXTURES): merge with the settings they were built with.',
    );
  }
  const slices = parts.find(({ record }) => record.kind === 'slice')?.record.slices ?? 0;
  /** @type {Map<string, string>} */
  const seen = new Map();
  for (const { given, record } of parts) {
    if (record.kind === 'slice' && record.slices !== slices) {
      throw new MergeRefused(
        `${given} is a slice of ${record.slices}, others are slices of ${slices}: build every slice for the same count.`,
      );
    }
    if (
      record.kind === 'slice' &&
      JSON.stringify(record.assignment) !==
        JSON.stringify(parts.find((p) => p.record.kind === 'slice')?.record.assignment)
    ) {
      throw new MergeRefused(
        `${given} holds other years than its sibling slices expect: build every slice from the same sources.`,
      );
    }
    const twice = seen.get(record.part);
    if (twice) throw new MergeRefused(`${record.part} is given twice: ${twice} and ${given}.`);
    seen.set(record.part, given);
  }
  const missing = [
    'front',
    ...Array.from({ length: slices }, (_, i) => `slice-${i + 1}-of-${slices}`),
  ].filter((name) => !seen.has(name));
  if (slices === 0) missing.push('slice-1-of-N…');
  if (missing.length > 0) {
    throw new MergeRefused(
      `Parts missing: ${missing.join(', ')}. Every part must be built and given to the merge.`,
    );
  }
  return parts;
}

/** Hard-links a file into place, or copies it across file systems. @param {string} from @param {string} to */
function place(from, to) {
  mkdirSync(dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EXDEV') throw error;
    copyFileSync(from, to);
  }
}

/**
 * Puts the parts' files together in `next` (a new folder), checking that each file belongs to the
 * part that holds it and to no other.
 * @param {ReturnType<typeof checkParts>} parts @param {string} next
 * @returns {number} the files placed
 */
export function assemble(parts, next) {
  /** @type {Map<string, string>} */
  const holder = new Map();
  let placed = 0;
  for (const { given, site, record } of parts) {
    const years = new Set(record.years);
    for (const file of filesIn(site)) {
      const owner = ownerOfFile(file);
      if (owner.kind === 'shared') {
        // Named by its content: one copy, the same bytes from whichever part made it.
        const other = holder.get(file);
        if (other === undefined) {
          holder.set(file, record.part);
          place(join(site, file), join(next, file));
          placed++;
        } else if (!readFileSync(join(site, file)).equals(readFileSync(join(next, file)))) {
          throw new MergeRefused(
            `${file} differs between ${other} and ${record.part}: built from other sources or settings?`,
          );
        }
        continue;
      }
      const belongs =
        owner.kind === record.kind &&
        (owner.kind !== 'slice' || owner.year === undefined || years.has(owner.year));
      if (!belongs) {
        throw new MergeRefused(
          `${given} (${record.part}) holds ${file}, which ${owner.kind === 'join' ? 'the merge writes' : owner.kind === 'front' ? 'the front holds' : `the slice of ${owner.year ?? 'its year'} holds`}: ` +
            'a part holds only its own files (src/lib/parts/parts.ts, ownerOfFile).',
        );
      }
      const other = holder.get(file);
      if (other) throw new MergeRefused(`${file} is in two parts: ${other} and ${record.part}.`);
      holder.set(file, record.part);
      place(join(site, file), join(next, file));
      placed++;
    }
  }
  return placed;
}

/**
 * Merges the parts into `out` (dist/), atomically.
 * @param {{ root: string, folders: readonly string[], out?: string, env?: Record<string, string | undefined> }} merge
 * @returns {Promise<{ files: number, years: string[], sitemaps: string[], commit: string, ms: number }>}
 */
export async function mergeParts({ root, folders, out = outFolder(root), env = process.env }) {
  const started = performance.now();
  const parts = checkParts(folders, env);
  const lock = takeBuildLock(out);
  const next = join(dirname(out), `.${basename(out)}-next`);
  const previous = join(dirname(out), `.${basename(out)}-previous`);
  try {
    rmSync(next, { recursive: true, force: true });
    mkdirSync(next, { recursive: true });
    const files = assemble(parts, next);
    const years = await joinShards(join(next, 'pagefind'));
    const at = { site: env.SITE_URL ?? siteConfig.url, base: env.BASE_PATH ?? '/' };
    const sitemaps = writeSitemapIndex({ site: next, at });
    // What `npm run build` keeps beside dist/ describes the build it made, not this one: gone
    // before the swap, the next build starts afresh rather than hard-linking pages it did not make.
    rmSync(savedManifest(out), { force: true });
    rmSync(searchRecordPath(out), { force: true });
    swapIn({ next, out, previous });
    const dues = parts.map(({ record }) => record.due).filter((due) => due !== null);
    const due = dues.sort()[0];
    recordBuild(out, { due: due ? new Date(due) : undefined, sources: sourcesFingerprint(root, out) });
    rmSync(previous, { recursive: true, force: true });
    return {
      files,
      years,
      sitemaps,
      commit: parts[0]?.record.commit ?? 'unknown',
      ms: Math.round(performance.now() - started),
    };
  } finally {
    rmSync(next, { recursive: true, force: true });
    lock.release();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const folders = process.argv.slice(2);
  const out = outFolder(root);
  try {
    const { files, years, sitemaps, commit, ms } = await mergeParts({ root, folders, out });
    console.log(
      `Merged ${folders.length} parts of ${commit}: ${files} files, ` +
        `search over ${years.length} year${years.length === 1 ? '' : 's'}, ${sitemaps.length} sitemap${sitemaps.length === 1 ? '' : 's'} in the index, in ${(ms / 1000).toFixed(1)} s.`,
    );
    console.log(`${out} now holds the merged site.`);
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}`);
    console.error(
      `Merge failed: ${out} was left as it was${existsSync(out) ? ' (the last good build)' : ''}.`,
    );
    process.exit(1);
  }
}
