// `npm run build:part -- <part> [--force]`: builds one part of the site (src/lib/parts/,
// docs/parts.md), `front` or `slice-<i>-of-<n>`, into its own folder with its own caches, as a
// machine of its own would: `parts/<part>/site/` (the example archive's: `parts-fixtures/`; another
// place: NEWS_PARTS_DIR), swapped in atomically as `npm run build` swaps dist/. Its caches (Astro's,
// the bodies', the cards') are in `parts/<part>/cache/`, which is what a CI job keeps per part.
// `npm run merge-parts` puts the parts together into dist/.
//
// Every part of one site must be built from the same commit, with the same settings and the same
// NEWS_BUILD_TIME (the instant embargoes are judged at): set it, or the part takes the time it
// starts at and the merge refuses parts that started apart (`npm run build:parts` sets it once).
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parsePart, partName } from '../src/lib/parts/parts.ts';
import { partFolder } from './parts.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUILD = fileURLToPath(new URL('build.mjs', import.meta.url));

/**
 * The environment a part builds in: its name, its output folder and its own caches (a cache
 * folder already set in the environment is kept: the bench shares its card cache that way).
 * @param {string} name @param {Record<string, string | undefined>} env
 */
export function partEnv(name, env = process.env) {
  const folder = partFolder(ROOT, name, env);
  return {
    ...env,
    NEWS_PART: name,
    NEWS_OUT_DIR: folder.site,
    NEWS_ASTRO_CACHE_DIR: env.NEWS_ASTRO_CACHE_DIR || folder.astroCache,
    NEWS_BODY_CACHE_DIR: env.NEWS_BODY_CACHE_DIR || folder.bodyCache,
    NEWS_CARD_CACHE_DIR: env.NEWS_CARD_CACHE_DIR || folder.cardCache,
  };
}

/**
 * Builds one part; resolves with the build's exit status.
 * @param {string} name @param {string[]} args for scripts/build.mjs (e.g. --force)
 * @param {Record<string, string | undefined>} [env]
 * @returns {Promise<number>}
 */
export function buildPart(name, args = [], env = process.env) {
  mkdirSync(partFolder(ROOT, name, env).folder, { recursive: true });
  return new Promise((resolveStatus) => {
    spawn(process.execPath, [BUILD, ...args], { cwd: ROOT, stdio: 'inherit', env: partEnv(name, env) }).on(
      'close',
      (code) => resolveStatus(code ?? 1),
    );
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [name = '', ...args] = process.argv.slice(2);
  const part = parsePart(name);
  if ('error' in part || part.kind === 'whole') {
    console.error(
      'error' in part
        ? `Usage: npm run build:part -- <part> [--force]\n${part.error}`
        : 'The whole site is `npm run build`; a part is "front" or "slice-<i>-of-<n>".',
    );
    process.exit(2);
  }
  const status = await buildPart(partName(part), args);
  if (status === 0)
    console.log(`Part ${partName(part)} built into ${partFolder(ROOT, partName(part)).site}.`);
  process.exit(status);
}
