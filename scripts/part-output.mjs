// What a part's build leaves in its output folder (src/lib/parts/, docs/parts.md): only the files
// its part holds, and its record for the merge.
import { readdirSync, readFileSync, rmdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ownerOfFile, partName } from '../src/lib/parts/parts.ts';
import { PART_RECORD } from './parts.mjs';

/**
 * Every file under `folder`, relative to it, `/` between folders; the part's record aside.
 * @param {string} folder
 * @returns {string[]}
 */
export function filesIn(folder) {
  /** @type {string[]} */
  const files = [];
  /** @param {string} at @param {string} prefix */
  const walk = (at, prefix) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(at, entry.name), `${prefix}${entry.name}/`);
      else if (!(prefix === '' && entry.name === PART_RECORD)) files.push(`${prefix}${entry.name}`);
    }
  };
  walk(folder, '');
  return files;
}

/**
 * Leaves in a part's output only the files its part holds (`ownerOfFile`), and the assets in
 * _astro/ its pages link to. A slice's build also makes what every Astro build makes (public/'s
 * files, the front's routes answered empty by src/middleware.ts): those go. The front must make no file of a
 * slice's: one there is a route that does not ask which part it builds, and fails the build.
 * @param {string} site the part's new output
 * @param {import('../src/lib/parts/parts.ts').Part} part
 * @returns {number} how many files were removed
 */
export function pruneToPart(site, part) {
  let removed = 0;
  /** @type {string[]} */
  const strays = [];
  for (const file of filesIn(site)) {
    const owner = ownerOfFile(file).kind;
    if (owner === part.kind || owner === 'shared') continue;
    if (part.kind === 'front' && owner === 'slice') {
      strays.push(file);
      continue;
    }
    unlinkSync(join(site, file));
    removed++;
  }
  if (strays.length > 0) {
    throw new Error(
      `The front (${partName(part)}) made ${strays.length} file${strays.length === 1 ? '' : 's'} a year slice holds, e.g. ${strays.slice(0, 3).join(', ')}: ` +
        'its route must give no paths outside its part (src/lib/parts/current.ts: buildsYear, buildsArticle).',
    );
  }
  removed += dropUnshownPictures(site);
  removeEmptyFolders(site);
  return removed;
}

/** A picture astro:assets wrote, by its extension. */
const PICTURE = /\.(?:avif|gif|jpe?g|png|svg|tiff?|webp)$/i;
/** A file that may link to an asset: pages, feeds, sitemaps, styles, scripts, data. */
const LINKING = /\.(?:html|xml|json|css|js|mjs|txt)$/i;

/**
 * Removes from a part's `_astro/` each picture none of the part's files links to. Vite writes a
 * copy of every source picture the content imports, in every build; Astro removes that copy when
 * it made the picture's sizes and nothing links to the original (a whole build, where every page
 * is). A part that shows none of an article's pictures does not get that far, and would keep a
 * copy the whole build does not have.
 * @param {string} site @returns {number} how many were removed
 */
function dropUnshownPictures(site) {
  const assets = join(site, '_astro');
  let pictures;
  try {
    pictures = readdirSync(assets).filter((name) => PICTURE.test(name));
  } catch {
    return 0;
  }
  if (pictures.length === 0) return 0;
  /** @type {Set<string>} */
  const linked = new Set();
  for (const file of filesIn(site)) {
    if (!LINKING.test(file)) continue;
    for (const [, name] of readFileSync(join(site, file), 'utf8').matchAll(/\/_astro\/([^"'\s)<>?#,]+)/g)) {
      if (name) linked.add(name);
    }
  }
  let removed = 0;
  for (const name of pictures) {
    if (linked.has(name)) continue;
    unlinkSync(join(assets, name));
    removed++;
  }
  return removed;
}

/** Removes every empty folder under `folder` (not `folder` itself). @param {string} folder */
function removeEmptyFolders(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const path = join(folder, entry.name);
    removeEmptyFolders(path);
    if (readdirSync(path).length === 0) rmdirSync(path);
  }
}

/**
 * The record a part's build left in `site` (scripts/parts.mjs, PartRecord), or undefined when
 * there is none (not a part's output, or none built yet).
 * @param {string} site
 * @returns {import('./parts.mjs').PartRecord | undefined}
 */
export function readPartRecord(site) {
  try {
    return JSON.parse(readFileSync(join(site, PART_RECORD), 'utf8'));
  } catch {
    return undefined;
  }
}
