// The site's sitemaps, written from the pages a build made (every `index.html`; the 404 page is not
// one), after Astro: one set per part of the site (src/lib/parts/), so that a build in parts makes
// the same files as a whole build.
//   sitemaps/pages-<n>.xml     the front's pages (home, sections, tags, people, corrections, …)
//   sitemaps/<year>.xml        a year's article pages and archive listings; a year of more than
//                              50,000 pages goes on in sitemaps/<year>-2.xml, …
//   sitemap-index.xml          every sitemap above, written last: by a whole build, or by the
//                              merge of a build in parts (scripts/merge-parts.mjs)
// The Google News sitemap (sitemaps/news.xml) is a page of the front's (src/pages/sitemaps/), named
// in robots.txt and not in the index, as before. A sitemap lists at most 50,000 URLs
// (sitemaps.org); each is sorted, so the same pages give the same bytes.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ownerOfFile } from '../src/lib/parts/parts.ts';

/** The most URLs one sitemap may list (sitemaps.org). */
export const SITEMAP_LIMIT = 50_000;

/** @param {string} text */
const escapeXml = (text) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

/** @param {readonly string[]} urls */
const urlset = (urls) =>
  '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
  urls.map((url) => `<url><loc>${escapeXml(url)}</loc></url>\n`).join('') +
  '</urlset>\n';

/**
 * Every page of a built site (its `index.html` files), relative to it, `/` between folders.
 * @param {string} site
 */
export function sitePages(site) {
  /** @type {string[]} */
  const pages = [];
  /** @param {string} folder @param {string} prefix */
  const walk = (folder, prefix) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        // Pagefind's bundles and Astro's assets hold no pages.
        if (prefix === '' && (entry.name === 'pagefind' || entry.name === '_astro')) continue;
        walk(join(folder, entry.name), `${prefix}${entry.name}/`);
      } else if (entry.name === 'index.html') pages.push(`${prefix}${entry.name}`);
    }
  };
  walk(site, '');
  return pages.sort();
}

/**
 * The absolute URL of a page file, as the site serves it: "articles/x/index.html" → ".../articles/x/".
 * @param {string} page @param {{ site: string, base: string }} at the site's URL and base path
 */
export const pageUrl = (page, { site, base }) =>
  new URL(`${base.replace(/\/?$/, '/')}${page.replace(/index\.html$/, '')}`, site).href;

/**
 * Writes the sitemaps of the pages in `site`: the front's and each year's, as far as this build
 * made them (a whole build makes both; a part, its own).
 * @param {{ site: string, at: { site: string, base: string }, yearOf: (page: string) => string }} build
 *   the built site, its URL and base path, and the year of an article page (from the search
 *   record, which has read every article page already)
 * @returns {string[]} the sitemaps written, relative to the site
 */
export function writeSitemaps({ site, at, yearOf }) {
  /** @type {string[]} */
  const front = [];
  /** @type {Map<string, string[]>} */
  const years = new Map();
  for (const page of sitePages(site)) {
    const owner = ownerOfFile(page);
    if (owner.kind === 'join') continue;
    const url = pageUrl(page, at);
    if (owner.kind === 'front') {
      front.push(url);
      continue;
    }
    const year = owner.year ?? yearOf(page);
    const list = years.get(year);
    if (list) list.push(url);
    else years.set(year, [url]);
  }
  /** @type {string[]} */
  const written = [];
  /** @param {string} name @param {string[]} urls */
  const write = (name, urls) => {
    mkdirSync(join(site, 'sitemaps'), { recursive: true });
    writeFileSync(join(site, 'sitemaps', name), urlset(urls.sort()));
    written.push(`sitemaps/${name}`);
  };
  for (let i = 0; i * SITEMAP_LIMIT < front.length; i++) {
    write(`pages-${i + 1}.xml`, front.slice(i * SITEMAP_LIMIT, (i + 1) * SITEMAP_LIMIT));
  }
  for (const [year, urls] of years) {
    urls.sort();
    for (let i = 0; i * SITEMAP_LIMIT < urls.length; i++) {
      write(
        `${year}${i === 0 ? '' : `-${i + 1}`}.xml`,
        urls.slice(i * SITEMAP_LIMIT, (i + 1) * SITEMAP_LIMIT),
      );
    }
  }
  return written;
}

/** The order of the index: the front's pages, then the years, newest first. @param {string} name */
const indexOrder = (name) => {
  const pages = /^pages-(\d+)\.xml$/.exec(name);
  if (pages) return [0, Number(pages[1])];
  const year = /^(\d{4})(?:-(\d+))?\.xml$/.exec(name);
  return year ? [1, -Number(year[1]), Number(year[2] ?? 1)] : [2, 0];
};

/**
 * Writes sitemap-index.xml, listing every sitemap in the site's sitemaps/ folder but the Google
 * News one (robots.txt names that one itself).
 * @param {{ site: string, at: { site: string, base: string } }} build
 * @returns {string[]} the sitemaps listed
 */
export function writeSitemapIndex({ site, at }) {
  const folder = join(site, 'sitemaps');
  const names = (existsSync(folder) ? readdirSync(folder) : [])
    .filter((name) => name.endsWith('.xml') && name !== 'news.xml')
    .sort((a, b) => {
      const [x, y] = [indexOrder(a), indexOrder(b)];
      for (let i = 0; i < Math.max(x.length, y.length); i++) {
        const d = (x[i] ?? 0) - (y[i] ?? 0);
        if (d !== 0) return d;
      }
      return a < b ? -1 : a > b ? 1 : 0;
    });
  const entries = names.map(
    (name) => `<sitemap><loc>${escapeXml(pageUrl(`sitemaps/${name}`, at))}</loc></sitemap>\n`,
  );
  writeFileSync(
    join(site, 'sitemap-index.xml'),
    '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
      entries.join('') +
      '</sitemapindex>\n',
  );
  return names;
}
