import { copyFileSync, cpSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, type PrintedError } from '../helpers/build';
import { failedBuildError } from '../helpers/failed-build';

const FIXTURES = join(ROOT, 'tests/fixtures/broken-people');

/**
 * Builds a copy of the project whose authors are the example archive's people, with one broken
 * article or author file added; the build must fail, and this returns the error it printed last.
 * @param fixture a file in tests/fixtures/broken-people/: an article, or `authors/<name>.md`
 */
function buildWith(fixture: string): PrintedError {
  return failedBuildError((dir) => {
    const authors = join(dir, 'src/content/authors');
    cpSync(join(ROOT, 'tests/fixtures/authors'), authors, { recursive: true });
    const into = fixture.startsWith('authors/') ? authors : join(dir, 'src/content/articles');
    copyFileSync(join(FIXTURES, fixture), join(into, basename(fixture)));
  });
}

// Each error names the file, the field and the fix: a slug that names nobody lists the people
// who exist; a wrong kind names the two there are; an early correction names the publication.
describe('a mistake about people or corrections fails the build, naming the file, the field and the fix', () => {
  it('author-unknown.mdx', () => {
    expect(buildWith('author-unknown.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "The authors are: dana-cohen, noa-peretz, yusuf-aliyev. Correct the slug, or add src/content/authors/dana-coen.md (see "People and corrections" in docs/writing.md).",
        "location": "src/content/articles/author-unknown.mdx:8:23",
        "message": [
          "src/content/articles/author-unknown.mdx, line 8 (authors): names "dana-coen", who has no file in src/content/authors/.",
        ],
        "name": "AstroUserError",
      }
    `);
  });

  it('correction-bad-kind.mdx', () => {
    expect(buildWith('correction-bad-kind.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "See https://docs.astro.build/en/guides/content-collections/ for more information on content schemas.",
        "location": "src/content/articles/correction-bad-kind.mdx:10:5",
        "message": [
          "articles → correction-bad-kind data does not match collection schema.",
          "corrections.0.kind (line 10): expected "correction" (an error of fact was fixed) or "clarification" (something unclear was made clear), received "erratum"",
        ],
        "name": "InvalidContentEntryDataError",
      }
    `);
  });

  it('correction-before-published.mdx', () => {
    expect(buildWith('correction-before-published.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "See https://docs.astro.build/en/guides/content-collections/ for more information on content schemas.",
        "location": "src/content/articles/correction-before-published.mdx:9:5",
        "message": [
          "articles → correction-before-published data does not match collection schema.",
          "corrections.0.date (line 9): is before "published" (2024-06-10); a correction cannot precede publication",
        ],
        "name": "InvalidContentEntryDataError",
      }
    `);
  });

  it('corrections-out-of-order.mdx', () => {
    expect(buildWith('corrections-out-of-order.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "See https://docs.astro.build/en/guides/content-collections/ for more information on content schemas.",
        "location": "src/content/articles/corrections-out-of-order.mdx:12:5",
        "message": [
          "articles → corrections-out-of-order data does not match collection schema.",
          "corrections.1.date (line 12): is before the notice above it (corrections[0], 2024-06-12); each notice keeps its number (#notice-2) and its link, so add new notices at the end, oldest first",
        ],
        "name": "InvalidContentEntryDataError",
      }
    `);
  });

  it('correction-unknown-field.mdx', () => {
    expect(buildWith('correction-unknown-field.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "See https://docs.astro.build/en/guides/content-collections/ for more information on content schemas.",
        "location": "src/content/articles/correction-unknown-field.mdx:12:5",
        "message": [
          "articles → correction-unknown-field data does not match collection schema.",
          "corrections.0.note (line 12): unknown field; a correction has date, kind and text",
        ],
        "name": "InvalidContentEntryDataError",
      }
    `);
  });

  it('authors/author-unknown-field.md', () => {
    expect(buildWith('authors/author-unknown-field.md')).toMatchInlineSnapshot(`
      {
        "hint": "See https://docs.astro.build/en/guides/content-collections/ for more information on content schemas.",
        "location": "src/content/authors/author-unknown-field.md:4:1",
        "message": [
          "authors → author-unknown-field data does not match collection schema.",
          "twitter (line 4): unknown field; an author has name, role, links",
        ],
        "name": "InvalidContentEntryDataError",
      }
    `);
  });

  it('authors/author-colon-in-role.md', () => {
    expect(buildWith('authors/author-colon-in-role.md')).toMatchInlineSnapshot(`
      {
        "hint": "Put the value in quotes. Line 3 then reads:
      role: 'Correspondent: Haifa'",
        "location": "src/content/authors/author-colon-in-role.md:3:20",
        "message": [
          "src/content/authors/author-colon-in-role.md, line 3 (role): YAML reads "Correspondent:" as a new key, because the value has ": " in it and is not in quotes.",
        ],
        "name": "AstroUserError",
      }
    `);
  });

  it('authors/author-http-link.md', () => {
    expect(buildWith('authors/author-http-link.md')).toMatchInlineSnapshot(`
      {
        "hint": "See https://docs.astro.build/en/guides/content-collections/ for more information on content schemas.",
        "location": "src/content/authors/author-http-link.md:4:9",
        "message": [
          "authors → author-http-link data does not match collection schema.",
          "links.0 (line 4): must be an https:// link, e.g. https://example.org/dana, received "http://example.org/avi"",
        ],
        "name": "InvalidContentEntryDataError",
      }
    `);
  });
});
