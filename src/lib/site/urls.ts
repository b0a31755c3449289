import { sitePaths } from './site-paths';

/**
 * The site's paths (see `src/lib/site/site-paths.ts`) under the base path this build uses ("/" or,
 * with BASE_PATH=/news/, "/news/"). Every internal link goes through here, so a build under a
 * base path has no broken links.
 * @example paths.article('x') // '/news/articles/x/' when built with BASE_PATH=/news/
 */
export const paths = sitePaths(import.meta.env.BASE_URL);

/**
 * An absolute URL on this site, for feeds, structured data, canonical and Open Graph links.
 * @param path a site-relative path from {@link paths}
 * @param site Astro's `site` (from astro.config.mjs); required, since these URLs leave the site
 * @param what what needs it, named in the error when `site` is missing, e.g. "/rss.xml"
 * @example absoluteUrl(paths.article('x'), Astro.site, 'the article page') // 'https://news.example.com/articles/x/'
 */
export function absoluteUrl(path: string, site: URL | undefined, what = 'an absolute URL'): string {
  return new URL(path, requireSite(site, what)).href;
}

/**
 * Astro's `site`, or a build error naming what needed it: no silent default origin.
 * @param what e.g. "/rss.xml"
 */
export function requireSite(site: URL | undefined, what: string): URL {
  if (!site) throw new Error(`${what}: \`site\` must be set in astro.config.mjs to build absolute URLs`);
  return site;
}
