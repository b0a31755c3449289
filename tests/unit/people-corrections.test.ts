import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCorrections, correctionsOf, lastModified, noticeAnchor } from '../../src/lib/people/corrections';
import { assertAuthorsExist, listParts } from '../../src/lib/people/authors';
import { slugify } from '../../src/lib/site/slug';
import { authorSchema } from '../../src/schemas/author';
import { schemaErrorOf, testArticleSchema } from '../helpers/article-schema';
import { ROOT } from '../helpers/build';
import { errorOf } from '../helpers/errors';

const article = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  data: testArticleSchema.parse({
    headline: `Headline ${id}`,
    dek: 'A dek.',
    byline: 'JNS',
    published: '2024-06-10',
    section: 'israel',
    tags: ['Israel'],
    ...overrides,
  }),
});

const raw = {
  headline: 'Headline',
  dek: 'A dek.',
  byline: 'JNS',
  published: '2024-06-10',
  section: 'israel',
  tags: ['Israel'],
};

describe('people', () => {
  it('are joined as the site’s language writes a list', () => {
    const joined = (names: string[]) =>
      listParts(names, 'en-US')
        .map((part) => part.value)
        .join('');
    expect(joined(['Dana Cohen'])).toBe('Dana Cohen');
    expect(joined(['Dana Cohen', 'Yusuf Aliyev'])).toBe('Dana Cohen and Yusuf Aliyev');
    expect(joined(['A', 'B', 'C'])).toBe('A, B, and C');
    expect(listParts(['Dana Cohen', 'Yusuf Aliyev'], 'en-US').map((part) => part.type)).toEqual([
      'element',
      'literal',
      'element',
    ]);
  });

  it('named by an article must have a file, or the build says who exists', async () => {
    const authors = [{ id: 'dana-cohen' }, { id: 'yusuf-aliyev' }];
    const named = { id: 'x', filePath: 'src/content/articles/x.mdx', data: { authors: ['dana-cohen'] } };
    expect(() => assertAuthorsExist([named], authors)).not.toThrow();
    const typo = { ...named, data: { authors: ['dana-cohen', 'yusuf-aliev'] } };
    expect(await errorOf(() => assertAuthorsExist([typo], authors))).toMatchInlineSnapshot(`
      {
        "hint": "The authors are: dana-cohen, yusuf-aliyev. Correct the slug, or add src/content/authors/yusuf-aliev.md (see "People and corrections" in docs/writing.md).",
        "message": "src/content/articles/x.mdx: authors names "yusuf-aliev", who has no file in src/content/authors/.",
        "name": "AstroUserError",
      }
    `);
    // With the article's source, the line and column of the slug, as Location shows them.
    const source = '---\nheadline: X\nauthors:\n  - dana-cohen\n  - yusuf-aliev\n---\n';
    const error = await errorOf(() => assertAuthorsExist([typo], authors, () => source));
    expect(error.message).toBe(
      'src/content/articles/x.mdx, line 5 (authors): names "yusuf-aliev", who has no file in src/content/authors/.',
    );
  });

  it('are named by the slug their file name gives, in any script', () => {
    const named = (authors: string[]) =>
      testArticleSchema
        .safeParse({ ...raw, authors })
        .error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    // slugify keeps letters of any script; Hebrew, Arabic and CJK have no case.
    expect(slugify('יוסף כהן')).toBe('יוסף-כהן');
    expect(
      named([slugify('יוסף כהן'), slugify('王 小明'), slugify('يوسف علييف'), 'dana-cohen']),
    ).toBeUndefined();
    expect(named(['Dana-Cohen', 'dana cohen', '-dana'])).toMatchInlineSnapshot(`
      [
        "authors.0: must be an author’s slug as the site writes a file name (src/content/authors/<slug>.md): lower case, words joined by one hyphen, e.g. dana-cohen; received "Dana-Cohen", write dana-cohen",
        "authors.1: must be an author’s slug as the site writes a file name (src/content/authors/<slug>.md): lower case, words joined by one hyphen, e.g. dana-cohen; received "dana cohen", write dana-cohen",
        "authors.2: must be an author’s slug as the site writes a file name (src/content/authors/<slug>.md): lower case, words joined by one hyphen, e.g. dana-cohen; received "-dana", write dana",
      ]
    `);
  });

  it('have a name and a role, and https links only', () => {
    expect(authorSchema.parse({ name: 'Dana Cohen', role: 'Correspondent' })).toEqual({
      name: 'Dana Cohen',
      role: 'Correspondent',
      links: [],
    });
    const problems = authorSchema
      .safeParse({ name: 'Dana Cohen', links: ['http://example.org/dana'], twitter: '@dana' })
      .error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(problems).toMatchInlineSnapshot(`
      [
        "twitter: unknown field; an author has name, role, links",
        "role: is required: what they do, e.g. role: Environment correspondent",
        "links.0: must be an https:// link, e.g. https://example.org/dana, received "http://example.org/dana"",
      ]
    `);
  });
});

describe('corrections', () => {
  const corrected = article('a', {
    updated: '2024-06-11',
    corrections: [
      { date: '2024-06-11', kind: 'correction', text: 'Earlier.' },
      { date: '2024-06-12T10:30:00+03:00', kind: 'clarification', text: 'Later.' },
    ],
  });

  it('are listed as written, oldest first, each with an anchor that never moves', () => {
    expect(correctionsOf(corrected).map((c) => c.text)).toEqual(['Earlier.', 'Later.']);
    expect(noticeAnchor(0)).toBe('notice-1');
    // A notice added later keeps every earlier one's anchor, on the page and in the feed.
    const anchors = (a: typeof corrected) =>
      allCorrections([a]).map(({ correction, anchor }) => [correction.text, anchor]);
    const before = anchors(corrected);
    const added = article('a', {
      ...raw,
      updated: '2024-06-11',
      corrections: [
        { date: '2024-06-11', kind: 'correction', text: 'Earlier.' },
        { date: '2024-06-12T10:30:00+03:00', kind: 'clarification', text: 'Later.' },
        { date: '2024-06-12T11:00:00+03:00', kind: 'correction', text: 'Latest.' },
      ],
    });
    expect(anchors(added)).toEqual(expect.arrayContaining(before));
  });

  it('must be written oldest first, new ones at the end, so no anchor moves', () => {
    const problems = testArticleSchema
      .safeParse({
        ...raw,
        corrections: [
          { date: '2024-06-12T10:30:00+03:00', kind: 'clarification', text: 'Later.' },
          { date: '2024-06-11', kind: 'correction', text: 'Earlier.' },
          { date: '2024-06-11', kind: 'correction', text: 'Same day, by day: no earlier.' },
          { date: '2024-06-12', kind: 'correction', text: 'The next day.' },
        ],
      })
      .error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(problems).toMatchInlineSnapshot(`
      [
        "corrections.1.date: is before the notice above it (corrections[0], 2024-06-12T10:30:00+03:00); each notice keeps its number (#notice-2) and its link, so add new notices at the end, oldest first",
      ]
    `);
  });

  it('move the last change forward: it is never before the latest correction', () => {
    expect(lastModified(corrected).iso).toBe('2024-06-12T10:30:00+03:00');
    expect(lastModified(article('b')).iso).toBe('2024-06-10');
    expect(lastModified(article('c', { updated: '2024-06-11' })).iso).toBe('2024-06-11');
  });

  it('are gathered for the site, newest first, each with its article and anchor', () => {
    const other = article('b', {
      corrections: [{ date: '2024-06-11T12:00:00+03:00', kind: 'correction', text: 'B.' }],
    });
    expect(
      allCorrections([corrected, other]).map(({ article: { id }, correction, anchor }) => [
        id,
        correction.text,
        anchor,
      ]),
    ).toEqual([
      ['a', 'Later.', 'notice-2'],
      ['b', 'B.', 'notice-1'],
      ['a', 'Earlier.', 'notice-1'],
    ]);
  });

  it('may be dated by day alone on the day an article was published at a later hour', () => {
    const problems = (overrides: Record<string, unknown>) =>
      testArticleSchema
        .safeParse({ ...raw, published: '2024-06-09T14:30:00+03:00', ...overrides })
        .error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    const notice = (date: string) => [{ date, kind: 'correction', text: 'Fixed.' }];
    // A day is read in the site's zone (Asia/Jerusalem): the same day is no earlier.
    expect(problems({ updated: '2024-06-09', corrections: notice('2024-06-09') })).toBeUndefined();
    // 22:30 UTC on the 8th is already the 9th in Jerusalem.
    expect(
      problems({ published: '2024-06-08T22:30:00Z', corrections: notice('2024-06-09') }),
    ).toBeUndefined();
    // The day before is still refused, and so is an earlier hour when both give a time.
    expect(
      problems({
        updated: '2024-06-08',
        corrections: [...notice('2024-06-08'), ...notice('2024-06-09T14:00:00+03:00')],
      }),
    ).toEqual([
      'updated: is before "published" (2024-06-09T14:30:00+03:00); an update cannot precede publication',
      'corrections.0.date: is before "published" (2024-06-09T14:30:00+03:00); a correction cannot precede publication',
      'corrections.1.date: is before "published" (2024-06-09T14:30:00+03:00); a correction cannot precede publication',
    ]);
  });

  it('are gathered newest first; on the same date, the newer article first, then its later notice', () => {
    const notices = (...texts: string[]) =>
      texts.map((text) => ({ date: '2024-06-20', kind: 'correction', text }));
    const older = article('a-older', { published: '2024-06-01', corrections: notices('Older.') });
    const newer = article('z-newer', { published: '2024-06-15', corrections: notices('First.', 'Second.') });
    expect(allCorrections([older, newer]).map(({ article: { id }, anchor }) => `${id}#${anchor}`)).toEqual([
      'z-newer#notice-2',
      'z-newer#notice-1',
      'a-older#notice-1',
    ]);
  });

  it('must be a correction or a clarification, and not before publication', () => {
    const problems = testArticleSchema
      .safeParse({
        ...article('x').data,
        published: '2024-06-10',
        corrections: [
          { date: '2024-06-01', kind: 'correction', text: 'Early.' },
          { date: '2024-06-12', kind: 'erratum', text: 'Odd.' },
          { date: '2024-06-12', kind: 'correction' },
        ],
      })
      .error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(problems).toMatchInlineSnapshot(`
      [
        "corrections.1.kind: expected "correction" (an error of fact was fixed) or "clarification" (something unclear was made clear), received "erratum"",
        "corrections.2.text: is required: what changed, e.g. text: An earlier version gave the capacity as 100 million cubic metres; it is 110 million.",
      ]
    `);
    const early = testArticleSchema
      .safeParse({
        ...article('x').data,
        published: '2024-06-10',
        corrections: [{ date: '2024-06-01', kind: 'correction', text: 'Early.' }],
      })
      .error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(early).toEqual([
      'corrections.0.date: is before "published" (2024-06-10); a correction cannot precede publication',
    ]);
  });
});

describe('a broken correction or author file, as the build prints it with each field’s line', () => {
  // The messages a build of tests/fixtures/broken-people/ prints, pinned without a build; the
  // build itself is held to one error a path (tests/build/broken-people.test.ts).
  const fixture = (name: string) => readFileSync(join(ROOT, 'tests/fixtures/broken-people', name), 'utf8');

  it('refuses a kind of notice other than the two there are, explaining each', () => {
    expect(schemaErrorOf(fixture('correction-bad-kind.mdx'), testArticleSchema)).toMatchInlineSnapshot(`
      {
        "at": "10:5",
        "issues": [
          "corrections.0.kind (line 10): expected "correction" (an error of fact was fixed) or "clarification" (something unclear was made clear), received "erratum"",
        ],
      }
    `);
  });

  it('refuses a correction dated before publication, naming the publication date', () => {
    expect(schemaErrorOf(fixture('correction-before-published.mdx'), testArticleSchema))
      .toMatchInlineSnapshot(`
      {
        "at": "9:5",
        "issues": [
          "corrections.0.date (line 9): is before "published" (2024-06-10); a correction cannot precede publication",
        ],
      }
    `);
  });

  it('refuses a notice dated before the one above it, saying new notices go at the end', () => {
    expect(schemaErrorOf(fixture('corrections-out-of-order.mdx'), testArticleSchema)).toMatchInlineSnapshot(`
      {
        "at": "12:5",
        "issues": [
          "corrections.1.date (line 12): is before the notice above it (corrections[0], 2024-06-12); each notice keeps its number (#notice-2) and its link, so add new notices at the end, oldest first",
        ],
      }
    `);
  });

  it('refuses an unknown field in a correction, listing the fields a correction has', () => {
    expect(schemaErrorOf(fixture('correction-unknown-field.mdx'), testArticleSchema)).toMatchInlineSnapshot(`
      {
        "at": "12:5",
        "issues": [
          "corrections.0.note (line 12): unknown field; a correction has date, kind and text",
        ],
      }
    `);
  });

  it('refuses an unknown field in an author file, listing the fields an author has', () => {
    expect(schemaErrorOf(fixture('authors/author-unknown-field.md'), authorSchema)).toMatchInlineSnapshot(`
      {
        "at": "4:1",
        "issues": [
          "twitter (line 4): unknown field; an author has name, role, links",
        ],
      }
    `);
  });
});
