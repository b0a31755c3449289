import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The project root, as a `file:` URL ending in "/". Astro builds, Vitest runs and the scripts
 * start from there (`process.cwd()`), while bundling moves `import.meta.url` into `dist/` or
 * `node_modules/.vite/`, so a module cannot find the project from its own location.
 *
 * Plain Node runs this module too (scripts/draw-cards-ahead.mjs, bench/cards.mjs).
 */
export const PROJECT_ROOT: URL = pathToFileURL(`${process.cwd()}/`);

/**
 * A path under the project root, as an absolute file path.
 * @param path relative to the root, e.g. "./src/styles/global.css"
 * @example fromRoot('./node_modules/.cache/news-cards/') // '/home/me/site/node_modules/.cache/news-cards/'
 */
export function fromRoot(path: string): string {
  return fileURLToPath(new URL(path, PROJECT_ROOT));
}
