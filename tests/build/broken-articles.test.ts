import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, type PrintedError } from '../helpers/build';
import { failedBuildError } from '../helpers/failed-build';

const FIXTURES = join(ROOT, 'tests/fixtures/broken-articles');

/**
 * Builds a copy of the project with one broken article added; the build must fail, and this
 * returns the error it printed last, as the author reads it.
 */
function buildWith(fixture: string): PrintedError {
  return failedBuildError((dir) =>
    copyFileSync(join(FIXTURES, fixture), join(dir, 'src/content/articles', fixture)),
  );
}

// A build is slow, so there is one a path by which an author's mistake reaches the build: the
// wiring (the loader, the render, the MDX compile) is what only a build shows. The wording of
// each kind of mistake is pinned without a build, by the functions the build calls:
// - YAML and MDX slips (src/lib/authoring/frontmatter-slips.ts, mdx-slips.ts, mdx-allow-list.ts):
//   tests/unit/authoring-errors.test.ts, on
//   these same fixtures; the hint shows the line as it should read (or how to close the tag);
// - frontmatter the schema refuses (src/schemas/): tests/unit/article-schema.test.ts, with the
//   field's line the loader adds; Astro's own hint there only points to its docs;
// - component props (src/lib/authoring/component-props.ts): tests/unit/tweet.test.ts,
//   pull-quote.test.ts and figure.test.ts; what the body's allow-list refuses: tests/unit/mdx-allow-list.test.ts;
// - a duplicate slug: Astro's own words, which name both files and the rule.
describe('a broken article fails the build with a message naming the file, the field and the fix', () => {
  it('a field the schema refuses: Astro’s schema error, with the field’s line added', () => {
    expect(buildWith('unknown-field.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "See https://docs.astro.build/en/guides/content-collections/ for more information on content schemas.",
        "location": "src/content/articles/unknown-field.mdx:3:1",
        "message": [
          "articles → unknown-field data does not match collection schema.",
          "subtitle (line 3): unknown field; the fields are headline, dek, byline, published, updated, section, tags, lang, canonical, draft, image, authors, corrections, coverage",
        ],
        "name": "InvalidContentEntryDataError",
      }
    `);
  });

  it('a component’s prop error when the page renders, naming the article', () => {
    expect(buildWith('tweet-without-handle.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "Fix the <Tweet> in src/content/articles/tweet-without-handle.mdx. See "Components (no import line needed)" in docs/writing.md for its props.",
        "message": [
          "<Tweet> in src/content/articles/tweet-without-handle.mdx: prop "handle" is required: the author’s handle on X, e.g. handle="elicoh1".",
        ],
        "name": "AstroUserError",
      }
    `);
  });

  it('a component articles cannot use, listing the ones they can', () => {
    expect(buildWith('unknown-component.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "Articles can use <Figure>, <PullQuote>, <Tweet>, and <Update> without an import. To add one, see "Adding an MDX component" in CONTRIBUTING.md.",
        "location": "src/content/articles/unknown-component.mdx:12:1",
        "message": [
          "src/content/articles/unknown-component.mdx, line 12: <Instagram> is not a component articles can use.",
        ],
        "name": "AstroUserError",
      }
    `);
  });

  it('a YAML slip in the frontmatter, with its line and the line fixed', () => {
    expect(buildWith('yaml-colon-in-value.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "Put the value in quotes. Line 2 then reads:
      headline: 'Analysis: Why Baku looks to Jerusalem'",
        "location": "src/content/articles/yaml-colon-in-value.mdx:2:19",
        "message": [
          "src/content/articles/yaml-colon-in-value.mdx, line 2 (headline): YAML reads "Analysis:" as a new key, because the value has ": " in it and is not in quotes.",
        ],
        "name": "AstroUserError",
      }
    `);
  });

  it('an MDX slip in the body, with its line and the line fixed', () => {
    expect(buildWith('mdx-braces-in-text.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "Write \\{sic} to show the braces, or use square brackets or parentheses instead, as in [sic]. Line 12 then reads:
      The ministry quoted the [sic] price of the new embassy building.",
        "location": "src/content/articles/mdx-braces-in-text.mdx:12:25",
        "message": [
          "src/content/articles/mdx-braces-in-text.mdx, line 12: MDX reads {sic} as code: braces in text hold a JavaScript expression.",
        ],
        "name": "AstroUserError",
      }
    `);
  });

  it('two articles whose file names give one slug: Astro’s error, naming both files', () => {
    const error = buildWith('Azerbaijan-Opens-Embassy-In-Israel.mdx');
    // Astro lists the files in the order its loader finished reading them, which concurrency
    // decides: the list is pinned as a set (sorted), not in the order of one run (issue 18).
    const files = error.message.filter((line) => line.startsWith('- ')).sort();
    const message = [...error.message.filter((line) => !line.startsWith('- ')), ...files];
    expect({ ...error, message }).toMatchInlineSnapshot(`
      {
        "message": [
          "articles contains multiple entries with the same slug: \`azerbaijan-opens-embassy-in-israel\`. Slugs must be unique.",
          "Entries:",
          "- src/content/articles/Azerbaijan-Opens-Embassy-In-Israel.mdx",
          "- src/content/articles/azerbaijan-opens-embassy-in-israel.mdx",
        ],
        "name": "DuplicateContentEntrySlugError",
      }
    `);
  });
});
