// What a build made: its output's files, pages and bytes, the images among them and the bytes
// per article, and the groups a built route's render time is added to. Read from the output
// folder after the build (the log's figures are bench/lib/log.mjs's).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
// The site's URL scheme (plain TypeScript, no Astro: Node strips the types), so the bench finds an
// article's page and card where the site puts them.
import { sitePaths } from '../../src/lib/site/site-paths.ts';

/**
 * Every file under `dir` with its size (paths relative to `dir`, with "/"), the number of .html
 * files and the total bytes.
 * @returns {{ pages: number, bytes: number, files: Map<string, number> }}
 */
export function measureOutput(dir) {
  let pages = 0;
  let bytes = 0;
  const files = new Map();
  const walk = (folder, prefix) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path, `${prefix}${entry.name}/`);
      else if (entry.isFile()) {
        const size = statSync(path).size;
        files.set(`${prefix}${entry.name}`, size);
        bytes += size;
        if (entry.name.endsWith('.html')) pages++;
      }
    }
  };
  if (existsSync(dir)) walk(dir, '');
  return { pages, bytes, files };
}

/** The image formats counted, as Astro names its files; ".jpeg" counts as jpg. */
export const IMAGE_FORMATS = ['avif', 'webp', 'jpg', 'png'];
/** The image format of a file by its extension ("x.jpeg" → "jpg"); undefined for any other file. */
export const imageFormat = (path) => {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return extension === 'jpeg' ? 'jpg' : IMAGE_FORMATS.includes(extension ?? '') ? extension : undefined;
};
/**
 * Where each build writes the files it makes from the pictures: Astro into `build.assets` (the
 * same in the site and the baseline), Hugo beside the page of the article they belong to.
 */
const ASSETS_DIR = { full: '_astro/', bare: '_astro/', hugo: 'articles/' };
/** Where scripts/build.mjs has Pagefind write the search index. */
const SEARCH_INDEX_DIR = 'pagefind/';
/** The site's paths at the root (the bench builds without a base path). */
const SITE = sitePaths('/');
/** A page's file in the output, for a path of the URL scheme: "/articles/x/" → "articles/x/index.html". */
const pageFile = (path) => `${path.replace(/^\//, '')}index.html`;
/** Where each build writes an article's page (the baseline: its one route, /<id>/). */
const ARTICLE_PAGE = {
  full: (slug) => pageFile(SITE.article(slug)),
  bare: (slug) => pageFile(`/${slug}/`),
  hugo: (slug) => pageFile(`/articles/${slug}/`),
};

/**
 * What the images of a build weigh, and the bytes per article with and without a photograph.
 *
 * - `files`: the images the build made (everything in an image format under `_astro/`, or for
 *   Hugo under `articles/`), by format, and by which picture they came from: the generator names
 *   every lead photograph `lead.jpg` and every graphic `figure.png`, and Astro and Hugo keep that
 *   name in front of their hashes (Hugo: `lead_hu<hash>_….webp`).
 * - `cards`: the social cards, PNG (drawn from the headline) and JPEG (from the photograph).
 * - `perArticle.all`: the whole output but the search index, ÷ the articles;
 *   `perArticle.withoutPictures` leaves out the files made from the articles' pictures too.
 * - `perArticle.withoutPhoto` / `withPhoto`: an article's own files on average: its page and its
 *   card, plus, for those with a photograph, every file made from the pictures ÷ their number.
 *   What is shared (listings, feeds, fonts, CSS) is in `all` only.
 * @param {Map<string, number>} files from measureOutput
 * @param {{ kind: 'full' | 'bare' | 'hugo', articles: { slug: string, lead: boolean }[] }} build
 */
export function imageFigures(files, { kind, articles }) {
  const byFormat = Object.fromEntries(IMAGE_FORMATS.map((f) => [f, { count: 0, bytes: 0 }]));
  const byPicture = { lead: 0, figure: 0, other: 0 };
  let searchIndexBytes = 0;
  let total = 0;
  for (const [path, size] of files) {
    total += size;
    if (path.startsWith(SEARCH_INDEX_DIR)) searchIndexBytes += size;
    const format = imageFormat(path);
    if (!format || !path.startsWith(ASSETS_DIR[kind])) continue;
    byFormat[format].count++;
    byFormat[format].bytes += size;
    const name = path.slice(path.lastIndexOf('/') + 1);
    byPicture[/^lead[._]/.test(name) ? 'lead' : /^figure[._]/.test(name) ? 'figure' : 'other'] += size;
  }
  const cards = { png: { count: 0, bytes: 0 }, jpg: { count: 0, bytes: 0 } };
  const own = { withPhoto: { count: 0, bytes: 0 }, withoutPhoto: { count: 0, bytes: 0 } };
  for (const { slug, lead } of articles) {
    let bytes = files.get(ARTICLE_PAGE[kind](slug)) ?? 0;
    if (kind === 'full') {
      const format = lead ? 'jpg' : 'png';
      const card = files.get(SITE.card(slug, format).replace(/^\//, ''));
      if (card !== undefined) {
        cards[format].count++;
        cards[format].bytes += card;
        bytes += card;
      }
    }
    const group = own[lead ? 'withPhoto' : 'withoutPhoto'];
    group.count++;
    group.bytes += bytes;
  }
  const pictureBytes = byPicture.lead + byPicture.figure;
  const mean = (bytes, count) => (count > 0 ? Math.round(bytes / count) : null);
  return {
    files: {
      count: IMAGE_FORMATS.reduce((sum, f) => sum + byFormat[f].count, 0),
      bytes: IMAGE_FORMATS.reduce((sum, f) => sum + byFormat[f].bytes, 0),
      byFormat,
      byPicture,
    },
    cards: kind === 'full' ? cards : null,
    searchIndexBytes,
    perArticle: {
      all: mean(total - searchIndexBytes, articles.length),
      // What the site itself adds per article: the photographs' renditions are the reporting's.
      withoutPictures: mean(total - searchIndexBytes - pictureBytes, articles.length),
      withoutPhoto: mean(own.withoutPhoto.bytes, own.withoutPhoto.count),
      withPhoto: mean(own.withPhoto.bytes + pictureBytes, own.withPhoto.count),
    },
  };
}

/** Where the people's pages and feeds are: /authors/ (index and pages), /feeds/author/<slug>/. */
const AUTHOR_ROUTES = [
  SITE.authors(),
  // "/feeds/author/x/rss.xml" without "x/rss.xml"
  SITE.feed({ kind: 'author', slug: 'x' }, 'rss').replace(/x\/[^/]*$/, ''),
];
/**
 * Full site: the people's pages and feeds as `authors`, the corrections page and its feeds as
 * `corrections` (so the cost of people and notices shows by itself), the rest by first path
 * segment ("cards", "articles", "tags"), a file at the root by itself.
 */
export const ROUTE_GROUP = {
  full: (path) => {
    if (AUTHOR_ROUTES.some((prefix) => path.startsWith(prefix))) return 'authors';
    if (path.startsWith(SITE.corrections())) return 'corrections';
    const segments = path.split('/').filter(Boolean);
    return segments.length > 1 ? segments[0] : path;
  },
  // The bare baseline has one route, the articles.
  bare: () => 'articles',
  // Hugo's `--quiet` build prints no routes.
  hugo: () => 'pages',
};

/**
 * What a full build rendered for people (`authors`: /authors/, every person's pages and feeds)
 * and for notices (`corrections`: /corrections/ and its feeds): files, and their render times
 * added up (see ROUTE_GROUP).
 */
export function peopleRoutes(build) {
  const group = (name) => ({
    files: build.routeFiles[name] ?? 0,
    renderMs: build.routes[name] ?? 0,
    medianMs: build.routeMedianMs[name] ?? null,
  });
  return { authors: group('authors'), corrections: group('corrections') };
}

/**
 * Bytes by first path segment ("articles", "cards", "feeds"; a file at the root by itself).
 * @param {Map<string, number>} files from measureOutput
 * @returns {Record<string, number>}
 */
export function bytesByFolder(files) {
  const byFolder = {};
  for (const [path, size] of files) {
    const folder = path.includes('/') ? path.slice(0, path.indexOf('/')) : path;
    byFolder[folder] = (byFolder[folder] ?? 0) + size;
  }
  return byFolder;
}
