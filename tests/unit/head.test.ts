import { describe, expect, it } from 'vitest';
import type { SocialCardRef } from '../../src/lib/cards/format';
import { articleHead, type HeadTag } from '../../src/lib/seo/head';
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
const rows = (tags: HeadTag[]) =>
  tags.map((tag) =>
    tag.tag === 'script'
      ? ['script', tag.attrs.type]
      : ['property' in tag.attrs ? tag.attrs.property : tag.attrs.name, tag.attrs.content],
  );

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
