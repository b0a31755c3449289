/**
 * Site-relative paths that respect the base path the site is built under ("/" or e.g. "/news/").
 * Every internal link goes through here, so a build under a base path has no broken links.
 * @example withBase('articles/x/') // '/news/articles/x/' when built with BASE_PATH=/news/
 */
export function withBase(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return base + path.replace(/^\//, '');
}

/** The path of an article's page, e.g. "/articles/azerbaijan-opens-embassy-in-israel/". */
export function articlePath(id: string): string {
  return withBase(`articles/${id}/`);
}

/** An absolute URL on this site for a site-relative path, e.g. for the feed. */
export function absoluteUrl(path: string, site: URL): string {
  return new URL(path, site).href;
}

/** The path of an article's social card image (1200×630 PNG), e.g. "/cards/x.png". */
export function cardPath(id: string): string {
  return withBase(`cards/${id}.png`);
}
