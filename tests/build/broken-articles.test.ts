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

// Each error must name the file, the field or prop, and say how to fix it. Where the fix is:
// - a prop error (src/lib/authoring/component-props.ts): the AstroError's hint, besides the
//   example ("e.g.") in the message;
// - a frontmatter error (src/schemas/): the example after "e.g." in the field's line; Astro's
//   own hint there only points to its docs on content schemas;
// - an everyday YAML or MDX slip, or what the body's allow-list refuses (an unknown component;
//   src/lib/authoring/frontmatter-slips.ts, mdx-slips.ts, mdx-allow-list.ts): the file, the line
//   and the field in the message, and the hint shows the line as it should read (or the fix);
// - a duplicate slug: Astro's own words, which name both files and the rule (slugs must be unique).
describe('a broken article fails the build with a message naming the file, the field and the fix', () => {
  it('missing-headline.mdx', () => {
    expect(buildWith('missing-headline.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "See https://docs.astro.build/en/guides/content-collections/ for more information on content schemas.",
        "location": "src/content/articles/missing-headline.mdx:0:0",
        "message": [
          "articles → missing-headline data does not match collection schema.",
          "headline: is required: the headline as plain text, e.g. "Azerbaijan opens embassy in Israel"",
        ],
        "name": "InvalidContentEntryDataError",
      }
    `);
  });

  it('unknown-field.mdx', () => {
    expect(buildWith('unknown-field.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "See https://docs.astro.build/en/guides/content-collections/ for more information on content schemas.",
        "location": "src/content/articles/unknown-field.mdx:3:1",
        "message": [
          "articles → unknown-field data does not match collection schema.",
          "subtitle (line 3): unknown field; the fields are headline, dek, byline, published, updated, section, tags, lang, canonical, draft, image, authors, corrections",
        ],
        "name": "InvalidContentEntryDataError",
      }
    `);
  });

  it('impossible-date.mdx', () => {
    expect(buildWith('impossible-date.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "See https://docs.astro.build/en/guides/content-collections/ for more information on content schemas.",
        "location": "src/content/articles/impossible-date.mdx:5:1",
        "message": [
          "articles → impossible-date data does not match collection schema.",
          "published (line 5): "2023-02-30" is not a day of the calendar",
        ],
        "name": "InvalidContentEntryDataError",
      }
    `);
  });

  it('tweet-without-handle.mdx', () => {
    expect(buildWith('tweet-without-handle.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "Fix the <Tweet> in src/content/articles/tweet-without-handle.mdx. See "Writing an article" in README.md for its props.",
        "message": [
          "<Tweet> in src/content/articles/tweet-without-handle.mdx: prop "handle" is required: the author’s handle on X, e.g. handle="elicoh1".",
        ],
        "name": "AstroUserError",
      }
    `);
  });

  it('pull-quote-without-speaker.mdx', () => {
    expect(buildWith('pull-quote-without-speaker.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "Fix the <PullQuote> in src/content/articles/pull-quote-without-speaker.mdx. See "Writing an article" in README.md for its props.",
        "message": [
          "<PullQuote> in src/content/articles/pull-quote-without-speaker.mdx: prop "speaker" is required: who said the words, e.g. speaker="Eli Cohen".",
        ],
        "name": "AstroUserError",
      }
    `);
  });

  it('unknown-component.mdx', () => {
    expect(buildWith('unknown-component.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "Articles can use <Figure>, <PullQuote>, and <Tweet> without an import. To add one, see "Adding an MDX component" in CONTRIBUTING.md.",
        "location": "src/content/articles/unknown-component.mdx:12:1",
        "message": [
          "src/content/articles/unknown-component.mdx, line 12: <Instagram> is not a component articles can use.",
        ],
        "name": "AstroUserError",
      }
    `);
  });

  it('malformed-mdx.mdx', () => {
    expect(buildWith('malformed-mdx.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "Close it with </PullQuote> before the next blank line, or put <PullQuote …> on a line of its own, with its content on the lines below and </PullQuote> on a line after them. A component without content ends its own tag with /> instead, as in <Tweet … />.",
        "location": "src/content/articles/malformed-mdx.mdx:10:36",
        "message": [
          "src/content/articles/malformed-mdx.mdx, line 10: <PullQuote> starts inside a paragraph and is not closed before the paragraph ends (at the next blank line).",
        ],
        "name": "AstroUserError",
      }
    `);
  });

  it('yaml-colon-in-value.mdx', () => {
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

  it('yaml-tab-indent.mdx', () => {
    expect(buildWith('yaml-tab-indent.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "Indent with spaces (two for each level). Line 8 then reads:
      - Israel",
        "location": "src/content/articles/yaml-tab-indent.mdx:8:1",
        "message": [
          "src/content/articles/yaml-tab-indent.mdx, line 8 (tags): the line is indented with a tab, and YAML indents with spaces only.",
        ],
        "name": "AstroUserError",
      }
    `);
  });

  it('yaml-unclosed-quote.mdx', () => {
    expect(buildWith('yaml-unclosed-quote.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "Close the quote at the end of the value. Line 3 then reads:
      dek: 'Ministers met in Jerusalem ahead of the inauguration.'",
        "location": "src/content/articles/yaml-unclosed-quote.mdx:3:6",
        "message": [
          "src/content/articles/yaml-unclosed-quote.mdx, line 3 (dek): the single quote (') that opens the value is never closed, so YAML reads the lines after it as part of dek.",
        ],
        "name": "AstroUserError",
      }
    `);
  });

  it('mdx-braces-in-text.mdx', () => {
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

  it('mdx-less-than-letter.mdx', () => {
    expect(buildWith('mdx-less-than-letter.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "Write &lt; for a less-than sign, or put a space after it (a < b). Line 12 then reads:
      Turnout was &lt;half of the last vote.",
        "location": "src/content/articles/mdx-less-than-letter.mdx:12:13",
        "message": [
          "src/content/articles/mdx-less-than-letter.mdx, line 12: MDX reads "<half" as the start of a tag: in MDX, < followed by a letter opens a component or an HTML tag.",
        ],
        "name": "AstroUserError",
      }
    `);
  });

  it('mdx-unclosed-component.mdx', () => {
    expect(buildWith('mdx-unclosed-component.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "Close it with </PullQuote> after its content; a component without content ends its own tag with /> instead, as in <Tweet … />.",
        "location": "src/content/articles/mdx-unclosed-component.mdx:12:1",
        "message": [
          "src/content/articles/mdx-unclosed-component.mdx, line 12: <PullQuote> is never closed.",
        ],
        "name": "AstroUserError",
      }
    `);
  });

  it('Azerbaijan-Opens-Embassy-In-Israel.mdx', () => {
    expect(buildWith('Azerbaijan-Opens-Embassy-In-Israel.mdx')).toMatchInlineSnapshot(`
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
