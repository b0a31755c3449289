import { describe, expect, it } from 'vitest';
import { feedLinksFor } from '../../src/lib/feed/links';
import { SITE_SCOPE } from '../../src/lib/feed/scopes';
import { NAV_ITEMS } from '../../src/lib/listings/navigation';
import { sitePaths } from '../../src/lib/site/site-paths';
import { absoluteUrl, paths } from '../../src/lib/site/urls';

describe('sitePaths: the URL scheme, written out once here', () => {
  it.each([
    ['/', '/'],
    ['/news/', '/news/'],
    ['/news', '/news/'],
  ])('under base %s', (base, root) => {
    const at = sitePaths(base);
    expect(at.home()).toBe(root);
    expect(at.article('azerbaijan-opens-embassy-in-israel')).toBe(
      `${root}articles/azerbaijan-opens-embassy-in-israel/`,
    );
    expect(at.card('x', 'png')).toBe(`${root}cards/x.png`);
    expect(at.card('x', 'jpg')).toBe(`${root}cards/x.jpg`);
    expect(at.section('middle-east')).toBe(`${root}sections/middle-east/`);
    expect(at.topics()).toBe(`${root}tags/`);
    expect(at.topic('united-nations')).toBe(`${root}tags/united-nations/`);
    expect(at.source('jns')).toBe(`${root}source/jns/`);
    expect(at.archive()).toBe(`${root}archive/`);
    expect(at.archiveYear('2025')).toBe(`${root}archive/2025/`);
    expect(at.listingPage(at.archiveYear('2025'), 10)).toBe(`${root}archive/2025/page/10/`);
    expect(at.listingPage(at.topic('iran'), 3)).toBe(`${root}tags/iran/page/3/`);
    expect(at.archiveMonth('2025', '10')).toBe(`${root}archive/2025/10/`);
    expect(at.search()).toBe(`${root}search/`);
    expect(at.search('budget & debt')).toBe(`${root}search/?q=budget%20%26%20debt`);
    expect(at.feed({ kind: 'site' }, 'rss')).toBe(`${root}rss.xml`);
    expect(at.feed({ kind: 'site' }, 'atom')).toBe(`${root}atom.xml`);
    expect(at.feed({ kind: 'site' }, 'json')).toBe(`${root}feed.json`);
    expect(at.feed({ kind: 'section', slug: 'world' }, 'atom')).toBe(`${root}feeds/section/world/atom.xml`);
    expect(at.feed({ kind: 'tag', slug: 'iran' }, 'json')).toBe(`${root}feeds/tag/iran/feed.json`);
    expect(at.feedHome({ kind: 'site' })).toBe(root);
    expect(at.feedHome({ kind: 'section', slug: 'world' })).toBe(`${root}sections/world/`);
    expect(at.feedHome({ kind: 'tag', slug: 'iran' })).toBe(`${root}tags/iran/`);
    expect(at.feedStylesheet()).toBe(`${root}feed.xsl`);
    expect(at.favicon()).toBe(`${root}favicon.svg`);
    expect(at.sitemapIndex()).toBe(`${root}sitemap-index.xml`);
    expect(at.newsSitemap()).toBe(`${root}sitemaps/news.xml`);
    expect(at.pagefind()).toBe(`${root}pagefind/`);
    expect(at.pagefind('pagefind-ui.js')).toBe(`${root}pagefind/pagefind-ui.js`);
  });
});

describe('paths and absoluteUrl (bound to the build)', () => {
  it('uses the base path Astro builds under', () => {
    expect(paths.article('x')).toBe(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}articles/x/`);
  });

  it('makes absolute URLs against the site, and names what needed one when there is none', () => {
    expect(absoluteUrl('/rss.xml', new URL('https://news.example.com'))).toBe(
      'https://news.example.com/rss.xml',
    );
    expect(() => absoluteUrl('/rss.xml', undefined, '/rss.xml')).toThrowErrorMatchingInlineSnapshot(
      `[Error: /rss.xml: \`site\` must be set in astro.config.mjs to build absolute URLs]`,
    );
  });
});

describe('NAV_ITEMS', () => {
  it('lists every section, then the archive and search, each with its place', () => {
    expect(NAV_ITEMS.map(({ place, label, href }) => [place, label, href])).toEqual([
      ['israel', 'Israel', '/sections/israel/'],
      ['middle-east', 'Middle East', '/sections/middle-east/'],
      ['world', 'World', '/sections/world/'],
      ['archive', 'Archive', '/archive/'],
      ['search', 'Search', '/search/'],
    ]);
  });
});

describe('feedLinksFor', () => {
  it('advertises the site’s three feeds on every page', () => {
    expect(feedLinksFor(SITE_SCOPE)).toEqual([
      { type: 'application/rss+xml', title: 'JNS Wire (RSS)', name: 'RSS', href: '/rss.xml' },
      { type: 'application/atom+xml', title: 'JNS Wire (Atom)', name: 'Atom', href: '/atom.xml' },
      { type: 'application/feed+json', title: 'JNS Wire (JSON Feed)', name: 'JSON Feed', href: '/feed.json' },
    ]);
  });

  it('adds a section’s or tag’s three feeds on its page, after the site’s', () => {
    const section = feedLinksFor({ kind: 'section', slug: 'world', label: 'World' });
    expect(section.slice(3).map((link) => [link.title, link.href])).toEqual([
      ['JNS Wire – World (RSS)', '/feeds/section/world/rss.xml'],
      ['JNS Wire – World (Atom)', '/feeds/section/world/atom.xml'],
      ['JNS Wire – World (JSON Feed)', '/feeds/section/world/feed.json'],
    ]);
    const tag = feedLinksFor({ kind: 'tag', slug: 'united-nations', label: 'United Nations' });
    expect(tag.slice(3).map((link) => [link.title, link.href])).toEqual([
      ['JNS Wire – Topic: United Nations (RSS)', '/feeds/tag/united-nations/rss.xml'],
      ['JNS Wire – Topic: United Nations (Atom)', '/feeds/tag/united-nations/atom.xml'],
      ['JNS Wire – Topic: United Nations (JSON Feed)', '/feeds/tag/united-nations/feed.json'],
    ]);
  });
});
