import { describe, expect, it } from 'vitest';
import type { SocialCardRef } from '../../src/lib/cards/format';
import { articleHead, createHead, pageHead, type HeadTag } from '../../src/lib/seo/head';
import { testArticleSchema } from '../helpers/article-schema';
import { siteConfig } from '../../src/site.config';

const context = {
  url: 'https://news.example.com/articles/azerbaijan-opens-embassy-in-israel/',
  images: ['https://news.example.com/cards/azerbaijan-opens-embassy-in-israel.png'],
  card: {
    url: 'https://news.example.com/cards/azerbaijan-opens-embassy-in-israel.png',
    format: 'png',
    mediaType: 'image/png',
    alt: 'World: Azerbaijan opens embassy in Israel',
  } satisfies SocialCardRef,
  logoUrl: 'https://news.example.com/favicon.svg',
  sourceUrl: 'https://news.example.com/source/jns/',
  wordCount: 341,
  people: [],
};

const data = (overrides: Record<string, unknown> = {}) =>
  testArticleSchema.parse({
    headline: 'Azerbaijan opens embassy in Israel',
    dek: 'The two nations’ foreign ministers met in Jerusalem.',
    byline: 'JNS',
    published: '2023-03-29',
    section: 'world',
    tags: ['Azerbaijan', 'Israel'],
    ...overrides,
  });

/** The tags as `[key, content]` rows, the way a reader of the page's head would list them. */
const rows = (tags: readonly HeadTag[]) =>
  tags.map((tag) => {
    switch (tag.tag) {
      case 'title':
        return ['title', tag.content];
      case 'meta':
        return ['property' in tag.attrs ? tag.attrs.property : tag.attrs.name, tag.attrs.content];
      case 'link':
        return [`link ${tag.attrs.rel}`, tag.attrs.href];
      case 'fonts':
        return ['fonts', tag.preloadHebrew ? 'Hebrew preloaded' : 'Hebrew not preloaded'];
      case 'script':
        return ['script', tag.attrs.type];
    }
  });

const meta = (name: string, content: string): HeadTag => ({ tag: 'meta', attrs: { name, content } });
const link = (rel: string, href: string): HeadTag => ({ tag: 'link', attrs: { rel, href } });

/** A topic page's own head context. */
const page = {
  title: 'Topics',
  description: 'Every topic JNS Wire has reported on.',
  canonical: 'https://news.example.com/tags/',
  feeds: [
    { type: 'application/rss+xml', title: 'JNS Wire (RSS)', href: 'https://news.example.com/rss.xml' },
    { type: 'application/atom+xml', title: 'JNS Wire (Atom)', href: 'https://news.example.com/atom.xml' },
  ],
  icon: '/favicon.svg',
  preloadHebrew: false,
};

describe('pageHead', () => {
  it('gives title, description, canonical, feeds, icon, colour schemes and fonts, in that order', () => {
    expect(rows(pageHead(siteConfig, page))).toEqual([
      ['title', 'Topics – JNS Wire'],
      ['description', 'Every topic JNS Wire has reported on.'],
      ['link canonical', 'https://news.example.com/tags/'],
      ['link alternate', 'https://news.example.com/rss.xml'],
      ['link alternate', 'https://news.example.com/atom.xml'],
      ['link icon', '/favicon.svg'],
      ['color-scheme', 'light dark'],
      ['fonts', 'Hebrew not preloaded'],
    ]);
  });

  it("writes a feed link's attributes in the order rel, type, title, href, and the icon's as rel, href, type", () => {
    const links = pageHead(siteConfig, page).filter((tag) => tag.tag === 'link');
    expect(links.map((tag) => Object.keys(tag.attrs))).toEqual([
      ['rel', 'href'],
      ['rel', 'type', 'title', 'href'],
      ['rel', 'type', 'title', 'href'],
      ['rel', 'href', 'type'],
    ]);
  });

  it('gives the home page the site name alone as its title', () => {
    expect(rows(pageHead(siteConfig, { ...page, title: siteConfig.title }))[0]).toEqual([
      'title',
      'JNS Wire',
    ]);
  });

  it('marks a page without an address of its own noindex instead of naming a canonical URL', () => {
    const tags = rows(pageHead(siteConfig, { ...page, canonical: undefined }));
    expect(tags).toContainEqual(['robots', 'noindex']);
    expect(tags.map(([key]) => key)).not.toContain('link canonical');
  });
});

describe('createHead', () => {
  it('keeps every tag, in order, when no later tag is the same as an earlier one', () => {
    const site = pageHead(siteConfig, page);
    const article = articleHead(data(), siteConfig, context);
    expect(createHead(site, article)).toEqual([...site, ...article]);
  });

  it('lets a later tag replace an earlier one of the same meta name, in the later place', () => {
    const head = createHead(
      [meta('robots', 'noindex'), meta('description', 'A')],
      [meta('robots', 'max-image-preview:large')],
    );
    expect(rows(head)).toEqual([
      ['description', 'A'],
      ['robots', 'max-image-preview:large'],
    ]);
  });

  it('treats a meta property and a meta name of the same word as different tags', () => {
    const head = createHead(
      [meta('description', 'A')],
      [{ tag: 'meta', attrs: { property: 'description', content: 'B' } }],
    );
    expect(rows(head)).toEqual([
      ['description', 'A'],
      ['description', 'B'],
    ]);
  });

  it('replaces the title and the canonical link whatever their content', () => {
    const head = createHead(
      [{ tag: 'title', content: 'A' }, link('canonical', 'https://a.example/')],
      [{ tag: 'title', content: 'B' }, link('canonical', 'https://b.example/')],
    );
    expect(rows(head)).toEqual([
      ['title', 'B'],
      ['link canonical', 'https://b.example/'],
    ]);
  });

  it('replaces another link only when both rel and href are the same', () => {
    const head = createHead(
      [link('alternate', '/rss.xml'), link('alternate', '/atom.xml'), link('icon', '/favicon.svg')],
      [link('alternate', '/rss.xml'), link('preload', '/favicon.svg')],
    );
    expect(rows(head)).toEqual([
      ['link alternate', '/atom.xml'],
      ['link icon', '/favicon.svg'],
      ['link alternate', '/rss.xml'],
      ['link preload', '/favicon.svg'],
    ]);
  });

  it('keeps repeated tags within one list and never merges JSON-LD scripts', () => {
    const script: HeadTag = { tag: 'script', attrs: { type: 'application/ld+json' }, content: '{}' };
    const tags: HeadTag[] = [
      { tag: 'meta', attrs: { property: 'article:tag', content: 'Israel' } },
      { tag: 'meta', attrs: { property: 'article:tag', content: 'Azerbaijan' } },
      script,
    ];
    expect(createHead([script], tags)).toEqual([script, ...tags]);
  });
});

describe('articleHead', () => {
  it('gives Open Graph, article:* and Twitter tags, then the JSON-LD', () => {
    expect(rows(articleHead(data(), siteConfig, context))).toEqual([
      ['og:type', 'article'],
      ['og:site_name', 'JNS Wire'],
      ['og:title', 'Azerbaijan opens embassy in Israel'],
      ['og:description', 'The two nations’ foreign ministers met in Jerusalem.'],
      ['og:url', context.url],
      ['og:image', context.card.url],
      ['og:image:type', 'image/png'],
      ['og:image:width', '1200'],
      ['og:image:height', '630'],
      ['og:image:alt', 'World: Azerbaijan opens embassy in Israel'],
      ['og:locale', 'en_US'],
      ['article:published_time', '2023-03-29T00:00:00+03:00'],
      ['article:section', 'World'],
      ['article:tag', 'Azerbaijan'],
      ['article:tag', 'Israel'],
      ['twitter:card', 'summary_large_image'],
      ['twitter:title', 'Azerbaijan opens embassy in Israel'],
      ['twitter:description', 'The two nations’ foreign ministers met in Jerusalem.'],
      ['twitter:image', context.card.url],
      ['twitter:image:alt', 'World: Azerbaijan opens embassy in Israel'],
      ['robots', 'max-image-preview:large'],
      ['script', 'application/ld+json'],
    ]);
  });

  it('names the original as og:url and in the JSON-LD for a syndicated copy, and gives the update time', () => {
    const tags = articleHead(
      data({ canonical: 'https://www.jns.org/original/', updated: '2023-03-30T09:00:00+03:00' }),
      siteConfig,
      context,
    );
    expect(rows(tags)).toContainEqual(['og:url', 'https://www.jns.org/original/']);
    expect(rows(tags)).toContainEqual(['article:modified_time', '2023-03-30T09:00:00+03:00']);
    const script = tags.find((tag) => tag.tag === 'script');
    const json: unknown = JSON.parse(script?.tag === 'script' ? script.content : '{}');
    expect(json).toMatchObject({
      mainEntityOfPage: { '@id': 'https://www.jns.org/original/' },
      isBasedOn: 'https://www.jns.org/original/',
      dateModified: '2023-03-30T09:00:00+03:00',
      wordCount: 341,
    });
  });

  it('keeps a hostile headline inert inside the JSON-LD', () => {
    const tags = articleHead(data({ headline: '</script><script>alert(1)</script>' }), siteConfig, context);
    const script = tags.find((tag) => tag.tag === 'script');
    expect(script?.tag === 'script' && script.content).not.toContain('</script>');
  });
});
