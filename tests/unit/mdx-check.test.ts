import { describe, expect, it } from 'vitest';
import { assertKnownComponents } from '../../src/lib/authoring/mdx-check';
import { errorOf } from '../helpers/errors';

const KNOWN = ['PullQuote', 'Tweet'];

describe('assertKnownComponents', () => {
  it('accepts an article that uses only the known components', () => {
    expect(() =>
      assertKnownComponents('Text.\n\n<PullQuote speaker="A">B</PullQuote>\n\n<Tweet />', 'a.mdx', KNOWN),
    ).not.toThrow();
  });

  it('names the file, the unknown component and the ones that exist', async () => {
    expect(
      await errorOf(() =>
        assertKnownComponents('<Instagram user="x" />', 'src/content/articles/a.mdx', KNOWN),
      ),
    ).toMatchInlineSnapshot(`
      {
        "hint": "Articles can use <PullQuote> and <Tweet> without an import. To add one, see "Adding an MDX component" in CONTRIBUTING.md.",
        "message": "src/content/articles/a.mdx uses <Instagram>, which is not a component articles can use.",
        "name": "AstroUserError",
      }
    `);
  });

  it('ignores component-like text in code', () => {
    expect(() =>
      assertKnownComponents('Use `<Foo>` or:\n\n```mdx\n<Bar />\n```\n', 'a.mdx', KNOWN),
    ).not.toThrow();
  });
});
