import { sitePaths } from '../../src/lib/site-paths';
import { siteConfig } from '../../src/site.config';

/**
 * The site's URL scheme as the tests use it: the same module the pages build their links with
 * (`src/lib/site-paths.ts`), for a build at the root, so a test never writes a path by hand.
 * (Pages use `src/lib/urls.ts`, which binds it to Astro's base path; outside Vite there is none.)
 */
export const paths = sitePaths('/');

/** The absolute URL a build with the default `site` gives a path, e.g. in feeds and canonical links. */
export function siteUrl(path: string): string {
  return new URL(path, siteConfig.url).href;
}

/** The real article's id (its file name in src/content/articles/). */
export const ARTICLE_ID = 'azerbaijan-opens-embassy-in-israel';
