import { describe, expect, it, vi } from 'vitest';
import type * as SiteConfigModule from '../../src/site.config';

// A site in Swedish, where "Ö" is a letter of its own after "Z" (in English it sorts with "O").
vi.mock('../../src/site.config', async (importOriginal) => {
  const { siteConfig } = await importOriginal<typeof SiteConfigModule>();
  return { siteConfig: { ...siteConfig, lang: 'sv', locale: 'sv-SE' } };
});

vi.mock('astro:content', () => ({
  getCollection: async () =>
    ['Örjan Berg', 'Zofia Nowak', 'Anna Lind'].map((name) => ({
      id: name.toLowerCase().replace(' ', '-'),
      collection: 'authors',
      data: { name, role: 'Correspondent', links: [] },
    })),
}));

describe('everyone', () => {
  it('is listed by name as the site’s language sorts names', async () => {
    const { getAuthors } = await import('../../src/lib/people/authors');
    expect((await getAuthors()).map((author) => author.data.name)).toEqual([
      'Anna Lind',
      'Zofia Nowak',
      'Örjan Berg',
    ]);
  });
});
