import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as SiteConfigModule from '../../src/site.config';

// A site in Swedish, where "Ö" is a letter of its own after "Z" (in English it sorts with "O").
vi.mock('../../src/site.config', async (importOriginal) => {
  const { siteConfig } = await importOriginal<typeof SiteConfigModule>();
  return { siteConfig: { ...siteConfig, lang: 'sv', locale: 'sv-SE' } };
});

const content = vi.hoisted(() => ({
  /** Whether the people have files on disk (the real site has none yet). */
  files: true,
  getCollection: async (collection: string) =>
    ['Örjan Berg', 'Zofia Nowak', 'Anna Lind'].map((name) => ({
      id: name.toLowerCase().replace(' ', '-'),
      collection,
      data: { name, role: 'Correspondent', links: [] },
    })),
}));

vi.mock('astro:content', () => ({ getCollection: vi.fn(content.getCollection) }));
vi.mock('../../src/lib/articles/source-globs', () => ({ hasAuthorFiles: () => content.files }));

beforeEach(() => {
  content.files = true;
  vi.clearAllMocks();
});

describe('everyone', () => {
  it('is listed by name as the site’s language sorts names', async () => {
    const { getAuthors } = await import('../../src/lib/people/authors');
    expect((await getAuthors()).map((author) => author.data.name)).toEqual([
      'Anna Lind',
      'Zofia Nowak',
      'Örjan Berg',
    ]);
  });

  it('is no one, without asking Astro for the collection, when no person has a file yet', async () => {
    content.files = false;
    const { getAuthors } = await import('../../src/lib/people/authors');
    const { getCollection } = await import('astro:content');

    expect(await getAuthors()).toEqual([]);
    // Astro warns about a collection it holds nothing of; a site with no people yet is valid.
    expect(getCollection).not.toHaveBeenCalled();
  });
});
