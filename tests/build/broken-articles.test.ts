import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild, printedError, ROOT, type PrintedError } from '../helpers/build';
import { copyProject } from '../helpers/project-copy';

const FIXTURES = join(ROOT, 'tests/fixtures/broken-articles');

/**
 * Builds a copy of the project with one broken article added; the build must fail, and this
 * returns the error it printed last, as the author reads it.
 */
function buildWith(fixture: string): PrintedError {
  const project = copyProject();
  try {
    copyFileSync(join(FIXTURES, fixture), join(project.dir, 'src/content/articles', fixture));
    const { status, output } = astroBuild(project.dir);
    expect(status, output).not.toBe(0);
    const error = printedError(output, project.dir);
    expect(error, `no error block in the build output:\n${output}`).toBeDefined();
    return error as PrintedError;
  } finally {
    project.remove();
  }
}

// Each error must name the file, the field or prop, and say how to fix it. Where the fix is:
// - a prop or component error (src/lib/props.ts, src/lib/mdx-check.ts): the AstroError's hint,
//   besides the example ("e.g.") in the message;
// - a frontmatter error (src/schemas/): the example after "e.g." in the field's line; Astro's
//   own hint there only points to its docs on content schemas;
// - malformed MDX and a duplicate slug: MDX's and Astro's own words, which name the tag and its
//   line, or both files and the rule (slugs must be unique).
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

  it('impossible-date.mdx', () => {
    expect(buildWith('impossible-date.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "See https://docs.astro.build/en/guides/content-collections/ for more information on content schemas.",
        "location": "src/content/articles/impossible-date.mdx:0:0",
        "message": [
          "articles → impossible-date data does not match collection schema.",
          "published: "2023-02-30" is not a day of the calendar",
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
        "message": [
          "src/content/articles/unknown-component.mdx uses <Instagram>, which is not a component articles can use.",
        ],
        "name": "AstroUserError",
      }
    `);
  });

  it('malformed-mdx.mdx', () => {
    expect(buildWith('malformed-mdx.mdx')).toMatchInlineSnapshot(`
      {
        "location": "src/content/articles/malformed-mdx.mdx:10:36",
        "message": [
          "10:36: Expected a closing tag for \`<PullQuote>\` (10:36) before the end of \`paragraph\` (mdx-jsx:unexpected-character)",
        ],
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
