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

// One build a path by which a mistake about people reaches the build: an author named but not
// on file (src/lib/people/authors.ts, when the articles are queried), a YAML slip in an author's
// Markdown file, and author data the schema refuses. The wording of each mistake, corrections
// included, is pinned without a build in tests/unit/people-corrections.test.ts, on these fixtures.
describe('a mistake about people or corrections fails the build, naming the file, the field and the fix', () => {
  it('an article naming an author who has no file, listing the authors there are', () => {
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

  it('a YAML slip in an author’s file, with its line and the line fixed', () => {
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

  it('an author field the schema refuses, with the field’s line added', () => {
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
