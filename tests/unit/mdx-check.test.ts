import { describe, expect, it } from 'vitest';
import { assertKnownComponents } from '../../src/lib/mdx-check';

const KNOWN = ['PullQuote', 'Tweet'];

describe('assertKnownComponents', () => {
  it('accepts an article that uses only the known components', () => {
    expect(() =>
      assertKnownComponents('Text.\n\n<PullQuote speaker="A">B</PullQuote>\n\n<Tweet />', 'a.mdx', KNOWN),
    ).not.toThrow();
  });

  it('names the file, the unknown component and the ones that exist', () => {
    expect(() =>
      assertKnownComponents('<Instagram user="x" />', 'src/content/articles/a.mdx', KNOWN),
    ).toThrowErrorMatchingInlineSnapshot(
      `[AstroUserError: src/content/articles/a.mdx uses <Instagram>, which is not a component articles can use.]`,
    );
  });

  it('ignores component-like text in code', () => {
    expect(() =>
      assertKnownComponents('Use `<Foo>` or:\n\n```mdx\n<Bar />\n```\n', 'a.mdx', KNOWN),
    ).not.toThrow();
  });
});
