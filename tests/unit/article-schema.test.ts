import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaErrorOf, testArticleSchema } from '../helpers/article-schema';
import { ROOT } from '../helpers/build';

const valid = {
  headline: 'Azerbaijan opens embassy in Israel',
  dek: 'The two nations’ foreign ministers met in Jerusalem ahead of the legation’s inauguration.',
  byline: 'JNS',
  published: '2023-03-29',
  section: 'world',
  tags: ['Azerbaijan', 'Israel'],
};

/** The schema's complaints, one line each as "field: message", as the build prints them. */
function problems(data: Record<string, unknown>): string[] {
  const result = testArticleSchema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.') || '(frontmatter)'}: ${issue.message}`);
}

describe('article frontmatter', () => {
  it('accepts the real article’s frontmatter and fills in the defaults', () => {
    const data = testArticleSchema.parse(valid);
    expect(data.lang).toBe('en');
    expect(data.draft).toBe(false);
    expect(data.published.date.toISOString()).toBe('2023-03-28T21:00:00.000Z');
    expect(data.updated).toBeUndefined();
  });

  it('accepts an update with an offset and a canonical URL for a syndicated copy', () => {
    const data = testArticleSchema.parse({
      ...valid,
      updated: '2023-03-29T18:00:00+03:00',
      canonical: 'https://www.jns.org/azerbaijan-opens-embassy-in-israel/',
    });
    expect(data.updated?.hasTime).toBe(true);
    expect(data.canonical).toBe('https://www.jns.org/azerbaijan-opens-embassy-in-israel/');
  });

  it('rejects a missing headline, naming the field and giving an example', () => {
    const { headline: _omitted, ...rest } = valid;
    expect(problems(rest)).toMatchInlineSnapshot(`
      [
        "headline: is required: the headline as plain text, e.g. "Azerbaijan opens embassy in Israel"",
      ]
    `);
  });

  it('rejects an impossible date and an unquoted YAML date', () => {
    expect(problems({ ...valid, published: '2023-02-30' })).toMatchInlineSnapshot(`
      [
        "published: "2023-02-30" is not a day of the calendar",
      ]
    `);
    expect(problems({ ...valid, published: new Date('2023-03-29') })).toMatchInlineSnapshot(`
      [
        "published: write the date in quotes, e.g. "2023-03-29" or "2023-03-29T09:30:00+03:00" (unquoted YAML dates lose their time zone)",
      ]
    `);
  });

  it('rejects an update before publication', () => {
    expect(problems({ ...valid, updated: '2023-03-01' })).toMatchInlineSnapshot(`
      [
        "updated: is before "published" (2023-03-29); an update cannot precede publication",
      ]
    `);
  });

  it('rejects an unknown section and lists the known ones', () => {
    expect(problems({ ...valid, section: 'sport' })).toMatchInlineSnapshot(`
      [
        "section: expected one of "israel", "middle-east", "world", received "sport"",
      ]
    `);
  });

  it('rejects no tags, duplicate tags and a typo’d field name', () => {
    expect(problems({ ...valid, tags: [] })).toMatchInlineSnapshot(`
      [
        "tags: needs at least one tag, e.g. ["Israel"]",
      ]
    `);
    expect(problems({ ...valid, tags: ['Israel', 'israel'] })).toMatchInlineSnapshot(`
      [
        "tags: has the same tag twice",
      ]
    `);
    expect(problems({ ...valid, heading: 'x' })).toMatchInlineSnapshot(`
      [
        "heading: unknown field; the fields are headline, dek, byline, published, updated, section, tags, lang, canonical, draft, image, authors, corrections, coverage",
      ]
    `);
  });

  it('rejects a canonical URL that is not https and a language that is not a tag', () => {
    expect(problems({ ...valid, canonical: 'http://www.jns.org/x', lang: 'English' })).toMatchInlineSnapshot(`
      [
        "lang: must be a BCP 47 language tag such as "en" or "he", received "English"",
        "canonical: must be an https:// URL of the original article",
      ]
    `);
  });
});

describe('a broken article’s frontmatter, as the build prints it with each field’s line', () => {
  // The messages a build of tests/fixtures/broken-articles/ prints, pinned without a build; the
  // build itself is held to one such error (tests/build/broken-articles.test.ts).
  const fixture = (name: string) => readFileSync(join(ROOT, 'tests/fixtures/broken-articles', name), 'utf8');

  it('names a missing headline, with an example, and no line (the source has none)', () => {
    expect(schemaErrorOf(fixture('missing-headline.mdx'), testArticleSchema)).toMatchInlineSnapshot(`
      {
        "issues": [
          "headline: is required: the headline as plain text, e.g. "Azerbaijan opens embassy in Israel"",
        ],
      }
    `);
  });

  it('names an unknown field at its line and lists the fields there are', () => {
    expect(schemaErrorOf(fixture('unknown-field.mdx'), testArticleSchema)).toMatchInlineSnapshot(`
      {
        "at": "3:1",
        "issues": [
          "subtitle (line 3): unknown field; the fields are headline, dek, byline, published, updated, section, tags, lang, canonical, draft, image, authors, corrections, coverage",
        ],
      }
    `);
  });

  it('names a date the calendar does not have at its line', () => {
    expect(schemaErrorOf(fixture('impossible-date.mdx'), testArticleSchema)).toMatchInlineSnapshot(`
      {
        "at": "5:1",
        "issues": [
          "published (line 5): "2023-02-30" is not a day of the calendar",
        ],
      }
    `);
  });
});
