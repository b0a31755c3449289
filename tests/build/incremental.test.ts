import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { productionBuild } from '../helpers/build';
import { copyProject } from '../helpers/project-copy';
import { ARTICLE_ID, builtFile, paths } from '../helpers/site';

/**
 * Astro's incremental build copies a page from the previous build when its cacheKey (see
 * src/lib/build-cache/cache-keys.ts) and its code are unchanged. That is only safe if the key changes whenever
 * the page would: here an article is added, and every page that must now show it is rendered
 * again, while pages it does not touch are copied.
 */
const NEW_ID = 'a-later-report';
const DRAFT_ID = 'a-draft-report';
// The files under dist/ (Astro's build log names each as "/<file>").
const ARTICLE = builtFile(paths.article(ARTICLE_ID));
const CARD = builtFile(paths.card(ARTICLE_ID, 'png'));
const SECTION = builtFile(paths.section('world'));
// Built two articles a page (NEWS_PAGE_SIZE), with three older reports in the article's section:
// its front page holds the newest two, its page 1 (counted from the oldest) the oldest two.
const PAGE_SIZE = '2';
const OLDER_PAGE = builtFile(paths.listingPage(paths.section('world'), 1));
const older = (n: number) => `---
headline: An older report in the same section, number ${n}
dek: A made-up report for the incremental build test.
byline: JNS
published: '2023-0${n}-01'
section: world
tags: [Trade]
---

A paragraph of a made-up report, older than the real one and in its section.
`;
const NEW_ARTICLE = `---
headline: A later report in the same section
dek: A made-up report for the incremental build test.
byline: JNS
published: '2023-04-02'
section: world
tags: [Israel]
---

A paragraph of a made-up report, newer than the real one and in its section.
`;

describe('incremental build', () => {
  it('renders again exactly the pages a new article changes, and copies the rest', () => {
    const project = copyProject();
    try {
      for (const n of [1, 2, 3]) {
        writeFileSync(join(project.dir, `src/content/articles/an-older-report-${n}.mdx`), older(n));
      }
      // A draft, which no build shows (a build started from a test included: see astroEnv).
      writeFileSync(
        join(project.dir, `src/content/articles/${DRAFT_ID}.mdx`),
        NEW_ARTICLE.replace('headline: A later report', 'draft: true\nheadline: A draft report'),
      );
      const build = () => {
        const run = productionBuild({ root: project.dir, env: { NEWS_PAGE_SIZE: PAGE_SIZE } });
        expect(run.status, run.stderr).toBe(0);
        return run.stdout;
      };
      const page = (path: string) =>
        parseHTML(readFileSync(join(project.dir, 'dist', path), 'utf8')).document;
      /**
       * How Astro logged the page. It writes "├─ /file" and, for a page it copies, " (cached)" or
       * " (restored)" straight after (generate.js, no await between them); for a page it renders,
       * " (+12ms)" only once the render is done, and with `build.concurrency` other pages' lines
       * come in between. So only the words right after the file's own marker tell.
       */
      const logged = (log: string, file: string) => {
        const marker = new RegExp(
          `├─ ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=\\s|$)( \\((?:cached|restored)\\))?`,
          'g',
        );
        const found = [...log.matchAll(marker)];
        expect(found, `${file} once in the build log`).toHaveLength(1);
        return found[0]?.[1] ? 'copied' : 'rendered';
      };

      const first = build();
      expect(logged(first, `/${ARTICLE}`)).toBe('rendered');
      expect(page(ARTICLE).querySelector('a[rel="next"]')).toBeNull();
      expect(logged(first, `/${OLDER_PAGE}`)).toBe('rendered');
      expect(existsSync(join(project.dir, 'dist', builtFile(paths.article(DRAFT_ID))))).toBe(false);
      const olderPage = readFileSync(join(project.dir, 'dist', OLDER_PAGE), 'utf8');

      // Nothing changed: every keyed page is copied.
      const second = build();
      expect(logged(second, `/${ARTICLE}`)).toBe('copied');
      expect(logged(second, `/${CARD}`)).toBe('copied');
      expect(logged(second, `/${SECTION}`)).toBe('copied');

      writeFileSync(join(project.dir, `src/content/articles/${NEW_ID}.mdx`), NEW_ARTICLE);
      const third = build();
      // The old article's page gains a "newer" link and a more-in-section entry: rendered again.
      expect(logged(third, `/${ARTICLE}`)).toBe('rendered');
      expect(page(ARTICLE).querySelector('a[rel="next"]')?.getAttribute('href')).toBe(paths.article(NEW_ID));
      // Its card shows only its own headline, dek, section and date: copied.
      expect(logged(third, `/${CARD}`)).toBe('copied');
      // Listings that now hold the new article are rendered again and list it first.
      expect(logged(third, `/${SECTION}`)).toBe('rendered');
      const listed = [...page(SECTION).querySelectorAll('main h2 a, main h3 a')].map((a) =>
        a.getAttribute('href'),
      );
      expect(listed.slice(0, 2)).toEqual([paths.article(NEW_ID), paths.article(ARTICLE_ID)]);
      // Its older pages, counted from the oldest, still hold the same articles: copied, unchanged.
      expect(logged(third, `/${OLDER_PAGE}`)).toBe('copied');
      expect(readFileSync(join(project.dir, 'dist', OLDER_PAGE), 'utf8')).toBe(olderPage);
      // A listing it is not in is copied.
      expect(logged(third, `/${builtFile(paths.topic('diplomacy'))}`)).toBe('copied');
      // The section's feed carries it.
      const sectionFeed = paths.feed({ kind: 'section', slug: 'world' }, 'rss');
      expect(readFileSync(join(project.dir, 'dist', builtFile(sectionFeed)), 'utf8')).toContain(
        paths.article(NEW_ID),
      );
    } finally {
      project.remove();
    }
  });
});
