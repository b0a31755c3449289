import { join } from 'node:path';
import { sitePaths } from '../../src/lib/site/site-paths';
import { siteConfig } from '../../src/site.config';

/**
 * The site's URL scheme as the tests use it: the same module the pages build their links with
 * (`src/lib/site/site-paths.ts`), for a build at the root, so a test never writes a path by hand.
 * (Pages use `src/lib/site/urls.ts`, which binds it to Astro's base path; outside Vite there is none.)
 */
export const paths = sitePaths('/');

/** The absolute URL a build with the default `site` gives a path, e.g. in feeds and canonical links. */
export function siteUrl(path: string): string {
  return new URL(path, siteConfig.url).href;
}

/** The real article's id (its file name in src/content/articles/). */
export const ARTICLE_ID = 'azerbaijan-opens-embassy-in-israel';

/**
 * The file in dist/ a path is served from, relative to dist/: "/articles/x/" → "articles/x/index.html",
 * "/rss.xml" → "rss.xml". (The site is built with `trailingSlash: 'always'`, each page a folder.)
 */
export function builtFile(path: string): string {
  return (path.endsWith('/') ? `${path}index.html` : path).replace(/^\/+/, '');
}

/**
 * The file a URL of the site, or a URL path, is served from in the built site at `dist`, as a
 * static host maps it ({@link builtFile}), percent-escapes decoded: the one rule every test that
 * reads a built file by its URL goes through.
 * @example distFile('/work/dist', 'https://news.example.com/rss.xml') // "/work/dist/rss.xml"
 * @example distFile('/work/dist', '/articles/x/') // "/work/dist/articles/x/index.html"
 */
export function distFile(dist: string, url: string): string {
  return join(dist, builtFile(decodeURIComponent(new URL(url, siteUrl('/')).pathname)));
}

/**
 * The id in a path of the shape `make` builds, or undefined when the path has another shape:
 * `idIn(paths.article, '/articles/x/')` → "x". Lets a test recognise a kind of page or file
 * without writing its path.
 */
export function idIn(make: (id: string) => string, path: string): string | undefined {
  const [before = '', after = ''] = make('\u0000').split('\u0000');
  if (path.length <= before.length + after.length) return undefined;
  if (!path.startsWith(before) || !path.endsWith(after)) return undefined;
  const id = path.slice(before.length, path.length - after.length);
  return id.includes('/') ? undefined : id;
}
