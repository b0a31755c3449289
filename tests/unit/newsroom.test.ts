import { describe, expect, it } from 'vitest';
import { isPublished } from '../../src/lib/articles/query';
import { isoWithOffset, parseNewsDate, type NewsDate } from '../../src/lib/site/dates';
import { groupByDate, groupByTag, neighbours, yearMonth } from '../../src/lib/listings/groups';
import { recentArticles, renderNewsSitemap } from '../../src/lib/seo/news-sitemap';
import { readingMinutes } from '../../src/lib/articles/reading-time';
import { jsonForScript, newsArticleJsonLd } from '../../src/lib/seo/structured-data';
import { slugify } from '../../src/lib/site/slug';
import type { ArticleData } from '../../src/schemas/article';
import { testArticleSchema } from '../helpers/article-schema';
import { siteConfig } from '../../src/site.config';
import { paths, siteUrl } from '../helpers/site';
import { parseXml } from '../helpers/xml';

const day = (value: string): NewsDate => {
  const parsed = parseNewsDate(value, 'Asia/Jerusalem');
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
};

/** A published article as listings see it: an id and checked frontmatter. */
function article(id: string, overrides: Record<string, unknown> = {}): { id: string; data: ArticleData } {
  return {
    id,
    data: testArticleSchema.parse({
      headline: `Headline ${id}`,
      dek: 'A dek.',
      byline: 'JNS',
      published: '2024-01-01',
      section: 'world',
      tags: ['Israel'],
      ...overrides,
    }),
  };
}

describe('isPublished', () => {
  const now = new Date('2024-06-11T12:00:00Z');
  it('holds back drafts and articles whose publish instant is after the build, except in dev', () => {
    expect(isPublished(article('a'), { dev: false, now })).toBe(true);
    expect(isPublished(article('b', { draft: true }), { dev: false, now })).toBe(false);
    expect(isPublished(article('c', { published: '2099-01-01T08:00:00+02:00' }), { dev: false, now })).toBe(
      false,
    );
    expect(isPublished(article('d', { draft: true }), { dev: true, now })).toBe(true);
  });

  it('releases an embargoed article at its instant, not a moment before', () => {
    const embargoed = article('e', { published: '2024-06-11T15:00:00+03:00' }); // 12:00Z
    expect(isPublished(embargoed, { dev: false, now: new Date('2024-06-11T11:59:59Z') })).toBe(false);
    expect(isPublished(embargoed, { dev: false, now: new Date('2024-06-11T12:00:00Z') })).toBe(true);
  });
});

describe('listings', () => {
  it('files an article under the month it was published in the site’s time zone', () => {
    // 22:30 UTC on 31 March is already 1 April in Jerusalem.
    const late = article('x', { published: '2023-03-31T22:30:00Z' });
    expect(yearMonth(late, 'Asia/Jerusalem')).toEqual({ year: '2023', month: '04' });
    expect(yearMonth(late, 'UTC')).toEqual({ year: '2023', month: '03' });
  });

  it('groups by tag slug, keeping the first spelling as the name', () => {
    const tags = groupByTag([
      article('a', { tags: ['Eli Cohen'] }),
      article('b', { tags: ['eli cohen', 'Iran'] }),
    ]);
    expect([...tags.keys()]).toEqual(['eli-cohen', 'iran']);
    expect(tags.get('eli-cohen')?.name).toBe('Eli Cohen');
    expect(tags.get('eli-cohen')?.articles.map((a) => a.id)).toEqual(['a', 'b']);
  });

  it('groups by year and by month', () => {
    const { years, months } = groupByDate(
      [article('a', { published: '2024-02-01' }), article('b', { published: '2023-12-31' })],
      'Asia/Jerusalem', // the zone the schema read these days in
    );
    expect([...years.keys()]).toEqual(['2024', '2023']);
    expect([...months.keys()]).toEqual(['2024/02', '2023/12']);
  });

  it('finds the newer and older neighbours and the nearest articles in the same section', () => {
    const archive = [
      article('n1', { section: 'world' }),
      article('n2', { section: 'israel' }),
      article('me', { section: 'world' }),
      article('n3', { section: 'world' }),
      article('n4', { section: 'world' }),
      article('n5', { section: 'world' }),
    ];
    const { newer, older, sameSection } = neighbours(archive, 'me');
    expect(newer?.id).toBe('n2');
    expect(older?.id).toBe('n3');
    expect(sameSection.map((a) => a.id)).toEqual(['n1', 'n3', 'n4']);
    expect(neighbours(archive, 'missing')).toEqual({ newer: undefined, older: undefined, sameSection: [] });
  });
});

describe('reading time', () => {
  it('is whole minutes at 230 words a minute, at least one', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(345)).toBe(2);
    expect(readingMinutes(690)).toBe(3);
  });
});

describe('slugify', () => {
  it('makes URL slugs in any script', () => {
    expect(slugify('Eli Cohen')).toBe('eli-cohen');
    expect(slugify('  humanitarian aid! ')).toBe('humanitarian-aid');
    expect(slugify('ירושלים')).toBe('ירושלים');
  });
});

describe('structured data', () => {
  const context = {
    url: siteUrl(paths.article('a')),
    images: [siteUrl(paths.card('a', 'png'))],
    logoUrl: siteUrl(paths.favicon()),
    sourceUrl: siteUrl(paths.source('jns')),
    wordCount: 360,
    people: [],
  };

  it('gives dates with their UTC offset, also for a calendar day', () => {
    expect(isoWithOffset(day('2023-03-29'), 'Asia/Jerusalem')).toBe('2023-03-29T00:00:00+03:00');
    expect(isoWithOffset(day('2023-01-15'), 'Asia/Jerusalem')).toBe('2023-01-15T00:00:00+02:00');
    expect(isoWithOffset(day('2023-03-29T10:05:00Z'), 'Asia/Jerusalem')).toBe('2023-03-29T10:05:00Z');
  });

  it('names a syndicated original with isBasedOn, and the agency as an organisation author', () => {
    const data = article('a', { canonical: 'https://www.jns.org/original/' }).data;
    const json = newsArticleJsonLd(data, siteConfig, context);
    expect(json.isBasedOn).toBe('https://www.jns.org/original/');
    expect(json.author).toEqual([{ '@type': 'Organization', name: 'JNS', url: context.sourceUrl }]);
    expect(json.dateModified).toBe(json.datePublished);
  });

  it('cannot be closed early by a hostile headline', () => {
    const text = jsonForScript({ headline: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('</script>');
    expect(JSON.parse(text)).toEqual({ headline: '</script><script>alert(1)</script>' });
  });
});

describe('Google News sitemap', () => {
  const now = new Date('2024-06-11T12:00:00Z');
  it('lists only what was published in the two days before the build', () => {
    const recent = recentArticles(
      [
        article('fresh', { published: '2024-06-10' }),
        article('old', { published: '2024-06-09T11:59:00Z' }),
        article('future', { published: '2024-06-12' }),
      ],
      now,
    );
    expect(recent.map((a) => a.id)).toEqual(['fresh']);
  });

  it('is well-formed XML with escaped titles', () => {
    const xml = renderNewsSitemap([article('a', { headline: 'Q&A: <b>“talks”</b>' })], {
      publication: 'JNS Wire',
      timeZone: 'Asia/Jerusalem',
      urlOf: (a) => siteUrl(paths.article(a.id)),
    });
    const doc = parseXml(xml);
    expect(doc.getElementsByTagName('news:title')[0]?.textContent).toBe('Q&A: <b>“talks”</b>');
    expect(doc.getElementsByTagName('news:publication_date')[0]?.textContent).toBe(
      '2024-01-01T00:00:00+02:00',
    );
  });
});
