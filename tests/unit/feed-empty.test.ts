import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FeedScope } from '../../src/lib/feed/scopes';
import { testArticleSchema } from '../helpers/article-schema';
import { parseXml, firstElementText } from '../helpers/xml';

// The site's articles, as the feeds read them: one story in the Israel section, so the World
// section's feed is empty (its page exists and advertises it).
vi.mock('../../src/lib/articles/query', () => ({
  getPublishedArticles: async () => [
    {
      id: 'a-story',
      collection: 'articles',
      data: testArticleSchema.parse({
        headline: 'A story',
        dek: 'A dek.',
        byline: 'JNS',
        published: '2024-06-10',
        section: 'israel',
        tags: ['Israel'],
      }),
    },
  ],
}));

/** The empty feed's bytes, in each format, as a build at `buildTime` writes them. */
async function emptyFeedsBuiltAt(buildTime: string): Promise<string[]> {
  vi.stubEnv('NEWS_BUILD_TIME', buildTime);
  vi.resetModules(); // the build's time is read once, when the clock module loads
  const { feedResponse } = await import('../../src/lib/feed/response');
  const scope: FeedScope = { kind: 'section', slug: 'world', label: 'World' };
  const site = new URL('https://news.example.com');
  return Promise.all(
    (['rss', 'atom', 'json'] as const).map(async (format) =>
      (await feedResponse(format, scope, site)).text(),
    ),
  );
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('an empty feed', () => {
  it('is the same, byte for byte, whenever it is built', async () => {
    const first = await emptyFeedsBuiltAt('2024-06-11T12:00:00Z');
    const later = await emptyFeedsBuiltAt('2025-01-01T08:00:00Z');
    expect(later).toEqual(first);
  });

  it('dates itself by the day the site began (Atom requires a date)', async () => {
    const [rss = '', atom = ''] = await emptyFeedsBuiltAt('2024-06-11T12:00:00Z');
    // No entries, so the first <updated> is the feed's own.
    expect(firstElementText(parseXml(atom), 'updated')).toBe('2023-03-29T00:00:00+03:00');
    expect(firstElementText(parseXml(rss), 'lastBuildDate')).toBe('Tue, 28 Mar 2023 21:00:00 GMT');
  });
});
