// Which bodies the front of a build in parts renders (src/lib/parts/, docs/parts.md): those its
// feeds carry. Every other article's body belongs to a year slice, and the front stores that
// article with its data alone (src/lib/articles/loader.ts).
//
// A feed carries the newest `feedItemLimit` published articles of its scope: the site, a section,
// a tag, a person (src/lib/feed/scope-articles.ts; the corrections feed carries notices, not
// bodies, and a live page's feed is its own page's, left to Astro). This reads the same from the
// sources, and errs on the side of more: twice the limit per scope, and a tag by its name as
// written (the site joins spellings with one slug: the newest of the joined group are among the
// newest of the spellings). A body the feeds want that this missed fails the front's build
// loudly (src/components/ArticleBody.astro), never ships empty; a file it cannot read is kept,
// for Astro to report.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { parseNewsDate } from '../src/lib/site/dates.ts';
import { siteConfig } from '../src/site.config.ts';

/**
 * The files (relative to `root`) whose bodies the front's feeds may carry.
 * @param {string} root @param {readonly string[]} files the article files, relative to `root`
 * @param {{ now: Date, limit?: number }} options the build's "now" (embargoes), the feed's item limit
 * @returns {Set<string>}
 */
export function frontBodies(root, files, { now, limit = siteConfig.feedItemLimit }) {
  const keep = 2 * limit;
  /** @type {Set<string>} */
  const chosen = new Set();
  /** @type {Map<string, { file: string, at: number }[]>} */
  const scopes = new Map();
  const add = (/** @type {string} */ scope, /** @type {{ file: string, at: number }} */ item) => {
    const list = scopes.get(scope);
    if (list) list.push(item);
    else scopes.set(scope, [item]);
  };
  for (const file of files) {
    let frontmatter;
    try {
      ({ frontmatter } = parseFrontmatter(readFileSync(join(root, file), 'utf8')));
    } catch {
      chosen.add(file);
      continue;
    }
    if (frontmatter.draft === true) continue;
    const published =
      typeof frontmatter.published === 'string'
        ? parseNewsDate(frontmatter.published, siteConfig.timeZone)
        : undefined;
    if (published === undefined || typeof published === 'string') {
      chosen.add(file);
      continue;
    }
    if (published.date > now) continue;
    const item = { file, at: published.date.getTime() };
    add('site', item);
    add(`section:${String(frontmatter.section)}`, item);
    for (const tag of Array.isArray(frontmatter.tags) ? frontmatter.tags : [])
      add(`tag:${String(tag)}`, item);
    for (const author of Array.isArray(frontmatter.authors) ? frontmatter.authors : [])
      add(`author:${String(author)}`, item);
  }
  for (const list of scopes.values()) {
    list.sort((a, b) => b.at - a.at || (a.file < b.file ? -1 : 1));
    for (const { file } of list.slice(0, keep)) chosen.add(file);
  }
  return chosen;
}
