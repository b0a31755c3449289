import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// The parser @astrojs/mdx reads an article's frontmatter with: the judge of whether a fix works.
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { mdxToMdast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { splitArticle } from '../../src/lib/authoring/article-parts';
import { fieldPosition } from '../../src/lib/authoring/field-locator';
import { frontmatterProblem, yamlQuoted } from '../../src/lib/authoring/frontmatter-slips';
import { MDX_COMPONENT_NAMES } from '../../src/components/mdx/names';
import { bodyProblem } from '../../src/lib/authoring/mdx-allow-list';
import { authoringError, type AuthoringProblem } from '../../src/lib/authoring/problem';
import { ROOT } from '../helpers/build';
import { errorOf } from '../helpers/errors';

const FILE = 'src/content/articles/x.mdx';
const BROKEN = join(ROOT, 'tests/fixtures/broken-articles');

/** A broken-article fixture's source. */
const fixture = (name: string): string => readFileSync(join(BROKEN, name), 'utf8');

/** An article with this frontmatter (the lines between the `---`s) and a plain body. */
const withFrontmatter = (yaml: string): string => `---\n${yaml}\n---\n\nBody.\n`;

/** An article with a valid frontmatter (lines 1–7) and this body from line 9. */
const withBody = (body: string): string =>
  `---\nheadline: A headline\ndek: A dek.\nbyline: JNS\npublished: '2023-03-29'\nsection: world\n---\n\n${body}\n`;

/** Whether the frontmatter is valid YAML, as the build reads it. */
function yamlParses(contents: string): boolean {
  try {
    parseFrontmatter(contents);
    return true;
  } catch {
    return false;
  }
}

/** What the loader finds in an article: a frontmatter slip once YAML fails, else a body slip. */
function problemIn(contents: string): AuthoringProblem | undefined {
  if (!yamlParses(contents)) return frontmatterProblem(contents);
  const { body, bodyLine } = splitArticle(contents);
  return bodyProblem(body, bodyLine, MDX_COMPONENT_NAMES);
}

/** The error the build prints for the article's slip, with its location (line:column). */
async function reported(contents: string) {
  const problem = problemIn(contents);
  if (!problem) throw new Error('expected a problem, found none');
  return {
    ...(await errorOf(() => {
      throw authoringError(FILE, problem);
    })),
    at: `${problem.line}:${problem.column}`,
  };
}

/** The article with the problem's line replaced by the line its hint shows. */
function withHintApplied(contents: string): string {
  const problem = problemIn(contents);
  const shown = problem && /then reads:\n {2}(.*)$/.exec(problem.hint)?.[1];
  if (!problem || shown === undefined) throw new Error('expected a hint that shows the line');
  const lines = contents.split('\n');
  lines[problem.line - 1] = shown;
  return lines.join('\n');
}

describe('splitArticle', () => {
  it('splits where Astro does, keeping the file’s line numbers', () => {
    const parts = splitArticle('\n---\ntitle: x\nsection: world\n---\n\nText.\n');
    expect(parts.frontmatter).toEqual({ lines: ['title: x', 'section: world'], firstLine: 3 });
    expect(parts.bodyLine).toBe(5);
    expect(parts.body).toBe('\n\nText.\n');
  });
});

describe('yamlQuoted', () => {
  it.each([
    'Analysis: Why Baku looks to Jerusalem',
    'Analysis: Baku’s bet',
    "Analysis: Baku's bet",
    'He said "no": a path C:\\new and a # sign',
    `Baku's "bet": C:\\temp`,
    '@elicoh1: *exclusive*',
  ])('quotes %j so YAML reads it back unchanged', (value) => {
    const quoted = yamlQuoted(value);
    expect(parseFrontmatter(withFrontmatter(`headline: ${quoted}`)).frontmatter['headline']).toBe(value);
  });

  it('uses single quotes, and double quotes only for a value with an apostrophe', () => {
    expect([yamlQuoted('Watch: the vote'), yamlQuoted("Watch: Baku's vote")]).toEqual([
      "'Watch: the vote'",
      `"Watch: Baku's vote"`,
    ]);
  });
});

describe('frontmatterProblem: YAML slips, named by file, line and field, with the line fixed', () => {
  it('an unquoted ": " in a value (yaml-colon-in-value.mdx)', async () => {
    const contents = fixture('yaml-colon-in-value.mdx');
    expect(await reported(contents)).toMatchInlineSnapshot(`
      {
        "at": "2:19",
        "hint": "Put the value in quotes. Line 2 then reads:
        headline: 'Analysis: Why Baku looks to Jerusalem'",
        "message": "src/content/articles/x.mdx, line 2 (headline): YAML reads "Analysis:" as a new key, because the value has ": " in it and is not in quotes.",
        "name": "AstroUserError",
      }
    `);
    expect(parseFrontmatter(withHintApplied(contents)).frontmatter['headline']).toBe(
      'Analysis: Why Baku looks to Jerusalem',
    );
  });

  it('an unquoted ": " in a value with an apostrophe: double quotes, escaped', async () => {
    const contents = withFrontmatter(`headline: Analysis: Baku's "bet" on C:\\roads`);
    expect(await reported(contents)).toMatchInlineSnapshot(`
      {
        "at": "2:19",
        "hint": "Put the value in quotes (in double quotes, as it has an apostrophe; each " inside is written \\"). Line 2 then reads:
        headline: "Analysis: Baku's \\"bet\\" on C:\\\\roads"",
        "message": "src/content/articles/x.mdx, line 2 (headline): YAML reads "Analysis:" as a new key, because the value has ": " in it and is not in quotes.",
        "name": "AstroUserError",
      }
    `);
    expect(parseFrontmatter(withHintApplied(contents)).frontmatter['headline']).toBe(
      `Analysis: Baku's "bet" on C:\\roads`,
    );
  });

  it('a tab in the indentation (yaml-tab-indent.mdx)', async () => {
    const contents = fixture('yaml-tab-indent.mdx');
    expect(await reported(contents)).toMatchInlineSnapshot(`
      {
        "at": "8:1",
        "hint": "Indent with spaces (two for each level). Line 8 then reads:
          - Israel",
        "message": "src/content/articles/x.mdx, line 8 (tags): the line is indented with a tab, and YAML indents with spaces only.",
        "name": "AstroUserError",
      }
    `);
    expect(parseFrontmatter(withHintApplied(contents)).frontmatter['tags']).toEqual(['Israel']);
  });

  it('a quote never closed (yaml-unclosed-quote.mdx)', async () => {
    const contents = fixture('yaml-unclosed-quote.mdx');
    expect(await reported(contents)).toMatchInlineSnapshot(`
      {
        "at": "3:6",
        "hint": "Close the quote at the end of the value. Line 3 then reads:
        dek: 'Ministers met in Jerusalem ahead of the inauguration.'",
        "message": "src/content/articles/x.mdx, line 3 (dek): the single quote (') that opens the value is never closed, so YAML reads the lines after it as part of dek.",
        "name": "AstroUserError",
      }
    `);
    expect(parseFrontmatter(withHintApplied(contents)).frontmatter).toMatchObject({
      dek: 'Ministers met in Jerusalem ahead of the inauguration.',
      byline: 'JNS',
    });
  });

  it('an apostrophe that closes a single-quoted value early', async () => {
    const contents = withFrontmatter("headline: x\ndek: 'Baku's bet on Jerusalem'");
    expect(await reported(contents)).toMatchInlineSnapshot(`
      {
        "at": "3:11",
        "hint": "Quote the value so that the ' inside is kept (in double quotes, as it has an apostrophe). Line 3 then reads:
        dek: "Baku's bet on Jerusalem"",
        "message": "src/content/articles/x.mdx, line 3 (dek): the apostrophe (') in Baku's ends the quoted value early, and YAML cannot read the rest of the line.",
        "name": "AstroUserError",
      }
    `);
    expect(parseFrontmatter(withHintApplied(contents)).frontmatter['dek']).toBe("Baku's bet on Jerusalem");
  });

  it('a value starting with a character YAML reserves', async () => {
    const contents = withFrontmatter('headline: x\ndek: @elicoh1 on the embassy');
    expect(await reported(contents)).toMatchInlineSnapshot(`
      {
        "at": "3:6",
        "hint": "Put the value in quotes. Line 3 then reads:
        dek: '@elicoh1 on the embassy'",
        "message": "src/content/articles/x.mdx, line 3 (dek): the value starts with "@": YAML reserves "@" at the start of a value, so it must be in quotes.",
        "name": "AstroUserError",
      }
    `);
    expect(parseFrontmatter(withHintApplied(contents)).frontmatter['dek']).toBe('@elicoh1 on the embassy');
  });

  it('names a nested field by its path', () => {
    const image = withFrontmatter('image:\n  src: ./a.jpg\n  alt: Map: the valley');
    const correction = withFrontmatter("corrections:\n  - date: '2024-06-12'\n    text: Note: the date");
    expect([problemIn(image), problemIn(correction)]).toMatchObject([
      { line: 4, field: 'image.alt' },
      { line: 4, field: 'corrections.text' },
    ]);
  });

  it('is only the cause when it comes no later than the line where YAML gave up', () => {
    // YAML fails on line 3 (a key given twice); the ": " on line 4 is not what it stopped at.
    const contents = withFrontmatter('dek: a\ndek: b\nheadline: Watch: the vote');
    expect(frontmatterProblem(contents, 3)).toBeUndefined();
    expect(frontmatterProblem(contents, 4)).toMatchObject({ line: 4, field: 'headline' });
  });

  it('finds nothing in frontmatter that is valid YAML', () => {
    const valid = withFrontmatter(
      [
        "headline: 'Analysis: Why Baku looks to Jerusalem'",
        `dek: "Baku's bet: a long dek`,
        `  that goes on over two lines"`,
        'canonical: https://www.jns.org/azerbaijan-opens-embassy-in-israel/ # the original',
        "published: '2023-03-29T09:30:00+03:00'",
        'summary: >',
        '  Folded text: with a colon',
        '  and more: of it.',
        'tags: [Azerbaijan, Israel]',
        'corrections:',
        "  - date: '2024-06-12'",
        "    text: 'Note: the date was wrong.'",
      ].join('\n'),
    );
    expect(yamlParses(valid)).toBe(true);
    expect(frontmatterProblem(valid)).toBeUndefined();
  });
});

describe('bodyProblem: MDX slips, named by file and line, with the fix', () => {
  it('braces in text (mdx-braces-in-text.mdx)', async () => {
    const contents = fixture('mdx-braces-in-text.mdx');
    expect(await reported(contents)).toMatchInlineSnapshot(`
      {
        "at": "12:25",
        "hint": "Write \\{sic} to show the braces, or use square brackets or parentheses instead, as in [sic]. Line 12 then reads:
        The ministry quoted the [sic] price of the new embassy building.",
        "message": "src/content/articles/x.mdx, line 12: MDX reads {sic} as code: braces in text hold a JavaScript expression.",
        "name": "AstroUserError",
      }
    `);
    expect(problemIn(withHintApplied(contents))).toBeUndefined();
  });

  it('< before a letter (mdx-less-than-letter.mdx)', async () => {
    const contents = fixture('mdx-less-than-letter.mdx');
    expect(await reported(contents)).toMatchInlineSnapshot(`
      {
        "at": "12:13",
        "hint": "Write &lt; for a less-than sign, or put a space after it (a < b). Line 12 then reads:
        Turnout was &lt;half of the last vote.",
        "message": "src/content/articles/x.mdx, line 12: MDX reads "<half" as the start of a tag: in MDX, < followed by a letter opens a component or an HTML tag.",
        "name": "AstroUserError",
      }
    `);
    expect(problemIn(withHintApplied(contents))).toBeUndefined();
  });

  it('a component never closed (mdx-unclosed-component.mdx)', async () => {
    expect(await reported(fixture('mdx-unclosed-component.mdx'))).toMatchInlineSnapshot(`
      {
        "at": "12:1",
        "hint": "Close it with </PullQuote> after its content; a component without content ends its own tag with /> instead, as in <Tweet … />.",
        "message": "src/content/articles/x.mdx, line 12: <PullQuote> is never closed.",
        "name": "AstroUserError",
      }
    `);
  });

  it('a component opened in a paragraph and not closed in it (malformed-mdx.mdx)', async () => {
    expect(await reported(fixture('malformed-mdx.mdx'))).toMatchInlineSnapshot(`
      {
        "at": "10:36",
        "hint": "Close it with </PullQuote> before the next blank line, or put <PullQuote …> on a line of its own, with its content on the lines below and </PullQuote> on a line after them. A component without content ends its own tag with /> instead, as in <Tweet … />.",
        "message": "src/content/articles/x.mdx, line 10: <PullQuote> starts inside a paragraph and is not closed before the paragraph ends (at the next blank line).",
        "name": "AstroUserError",
      }
    `);
  });

  it('braces that never close', async () => {
    const contents = withBody('The ministry quoted the {sic price.');
    expect(await reported(contents)).toMatchInlineSnapshot(`
      {
        "at": "9:25",
        "hint": "Write \\{ to show a brace, or use square brackets or parentheses instead. Line 9 then reads:
        The ministry quoted the \\{sic price.",
        "message": "src/content/articles/x.mdx, line 9: MDX reads { in text as the start of code (a JavaScript expression), and cannot read what follows it as one.",
        "name": "AstroUserError",
      }
    `);
    expect(problemIn(withHintApplied(contents))).toBeUndefined();
  });

  it('the neighbouring slips', () => {
    const messages = Object.fromEntries(
      Object.entries({
        'no space after <': 'Turnout was x<y.',
        '<=': 'Turnout was <= 40%.',
        '<3': 'Turnout was <3 percent.',
        'HTML comment': 'Text. <!-- a note -->',
        'link in angle brackets': 'See <https://www.jns.org/>.',
        'e-mail in angle brackets': 'Write to <news@jns.org>.',
        '<br>': 'A line<br>break.',
        'closed out of order': '<Figure src="./a.png" alt="A" credit="B">\n\nA caption.\n\n</PullQuote>',
        'braces JavaScript cannot read': 'The ministry’s {Editor’s note: corrected} figure.',
        'braces over two lines': 'The ministry’s {Editor:\nnote} figure.',
        'braces in a component’s text': '<PullQuote speaker="Eli Cohen">\n  The {sic} price\n</PullQuote>',
      }).map(([name, body]) => {
        const problem = problemIn(withBody(body));
        return [name, problem && `${problem.line}: ${problem.message} ${problem.hint}`];
      }),
    );
    expect(messages).toMatchInlineSnapshot(`
      {
        "<3": "9: MDX reads "<3" as the start of a tag: in MDX, < opens a tag unless a space follows it. Write &lt; for a less-than sign. Line 9 then reads:
        Turnout was &lt;3 percent.",
        "<=": "9: MDX reads "<=" as the start of a tag: in MDX, < opens a tag unless a space follows it. Write &lt; for a less-than sign. Line 9 then reads:
        Turnout was &lt;= 40%.",
        "<br>": "9: <br> is not closed: in MDX every tag is closed, and one without content ends with />. Write <br /> instead of <br>.",
        "HTML comment": "9: MDX has no HTML comments: <!-- is read as the start of a tag. Write a comment as {/* … */}, or delete it.",
        "braces JavaScript cannot read": "9: MDX reads {Editor’s note: corrected} as code: braces in text hold a JavaScript expression. Write \\{Editor’s note: corrected} to show the braces, or use square brackets or parentheses instead, as in [Editor’s note: corrected]. Line 9 then reads:
        The ministry’s [Editor’s note: corrected] figure.",
        "braces in a component’s text": "10: MDX reads {sic} as code: braces in text hold a JavaScript expression. Write \\{sic} to show the braces, or use square brackets or parentheses instead, as in [sic]. Line 10 then reads:
        The [sic] price",
        "braces over two lines": "9: MDX reads { in text as the start of code (a JavaScript expression), and cannot read what follows it as one. Write \\{ to show a brace, or use square brackets or parentheses instead. Line 9 then reads:
        The ministry’s \\{Editor:",
        "closed out of order": "9: <Figure> is not closed before </PullQuote> on line 13. Close it with </Figure> after its content; a component without content ends its own tag with /> instead, as in <Tweet … />.",
        "e-mail in angle brackets": "9: MDX reads <news@jns.org> as a tag: links in angle brackets are not MDX. Write the link as [text](mailto:news@jns.org), or the address without the angle brackets.",
        "link in angle brackets": "9: MDX reads <https://www.jns.org/> as a tag: links in angle brackets are not MDX. Write the link as [text](https://www.jns.org/), or the address without the angle brackets.",
        "no space after <": "9: MDX reads "<y" as the start of a tag: in MDX, < followed by a letter opens a component or an HTML tag. Write &lt; for a less-than sign, or put a space after it (a < b). Line 9 then reads:
        Turnout was x&lt;y.",
      }
    `);
  });

  it('shows a long line around the slip only', () => {
    const long = `${'Words before the slip, '.repeat(6)}the {sic} price${', and words after it'.repeat(6)}.`;
    expect(problemIn(withBody(long))?.hint).toMatchInlineSnapshot(`
      "Write \\{sic} to show the braces, or use square brackets or parentheses instead, as in [sic]. Line 9 then reads:
        …the slip, Words before the slip, the [sic] price, and words after it, and words…"
    `);
  });

  it('leaves a broken tag inside a component’s own tag to MDX’s message', () => {
    expect(problemIn(withBody('<Tweet name="x />\n\nMore.'))).toBeUndefined();
  });

  it('finds nothing in what MDX reads as intended', () => {
    const body = [
      'A comparison: 3 < 4, and a path in code: `{id}` and `<b`.',
      '',
      'A string and a comment are harmless: {" "} {/* a note */}',
      '',
      '{/* A comment on a line of its own */}',
      '',
      '<PullQuote speaker="Eli Cohen" role="Israeli Foreign Minister">',
      '  Azerbaijan is a strategic partner of Israel',
      '</PullQuote>',
      '',
      '<Tweet',
      '  name="Eli Cohen"',
      '  handle="elicoh1"',
      '  date="2023-03-29"',
      '  text={`History! {braces} and <angles> in a prop`}',
      '/>',
      '',
      '```',
      'const x = {a: 1} < 2;',
      '```',
    ].join('\n');
    expect(mdxToMdast(body).type).toBe('root');
    expect(bodyProblem(body, 1, MDX_COMPONENT_NAMES)).toBeUndefined();
  });
});

describe('the real articles and the example archive', () => {
  const folders = ['src/content/articles', 'tests/fixtures/archive'];
  const articles = folders.flatMap((folder) =>
    readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.mdx'))
      .map((name) => join(folder, name)),
  );

  it.each(articles)('%s has no slip', (path) => {
    const contents = readFileSync(join(ROOT, path), 'utf8');
    const { body, bodyLine } = splitArticle(contents);
    expect(frontmatterProblem(contents)).toBeUndefined();
    expect(bodyProblem(body, bodyLine, MDX_COMPONENT_NAMES)).toBeUndefined();
  });
});

describe('fieldPosition: the line of a field a schema error names', () => {
  const source = [
    '---', // 1
    'headline: A report # a comment', // 2
    '', // 3
    "authors: [dana-cohen, 'coen, d', yusuf-aliyev]", // 4
    'dek: |', // 5
    '  role: not a field, a line of the dek', // 6
    'tags:', // 7
    '- Israel', // 8
    '- Haifa', // 9
    'image:', // 10
    '  src: ./x/lead.jpg', // 11
    '  alt: A field', // 12
    'corrections:', // 13
    '  - date: 2024-06-12', // 14
    '    kind: erratum', // 15
    '    text: Earlier.', // 16
    '  # a comment between items', // 17
    '  - date: 2024-06-11', // 18
    '    text: Later.', // 19
    'role: top-level', // 20
    '---', // 21
    '',
    'Body with role: in it.',
  ].join('\n');
  const at = (...path: (string | number)[]) => fieldPosition(source, path);
  /** The text at a position, to check it is the field's key or item. */
  const textAt = (position: { line: number; column: number } | undefined) =>
    position && source.split('\n')[position.line - 1]?.slice(position.column - 1);

  it('finds a key, an item of a block list, a key in a list item, a nested key', () => {
    expect(at('headline')).toEqual({ line: 2, column: 1 });
    expect(at('tags', 1)).toEqual({ line: 9, column: 3 });
    expect(textAt(at('tags', 1))).toBe('Haifa');
    expect(at('image', 'alt')).toEqual({ line: 12, column: 3 });
    expect(at('corrections', 0, 'kind')).toEqual({ line: 15, column: 5 });
    expect(at('corrections', 1, 'date')).toEqual({ line: 18, column: 5 });
    expect(textAt(at('corrections', 1, 'text'))).toBe('text: Later.');
  });

  it('finds an item of a one-line list, past a quoted comma', () => {
    expect(textAt(at('authors', 0))).toBe("dana-cohen, 'coen, d', yusuf-aliyev]");
    expect(textAt(at('authors', 2))).toBe('yusuf-aliyev]');
  });

  it('reads only the keys at the level the path is at: not a block scalar’s lines, not the body', () => {
    expect(at('role')).toEqual({ line: 20, column: 1 });
  });

  it('gives the deepest place the source has, or nothing for a missing top-level field', () => {
    expect(at('corrections', 1, 'kind')).toEqual({ line: 18, column: 5 });
    expect(at('corrections', 2)).toEqual({ line: 13, column: 1 });
    expect(at('published')).toBeUndefined();
    expect(fieldPosition('No frontmatter.', ['headline'])).toBeUndefined();
  });
});

describe('authoringError', () => {
  it('carries the location Astro prints (file:line:column)', () => {
    const error = authoringError(FILE, { line: 2, column: 19, message: 'm', hint: 'h' });
    expect('loc' in error && error.loc).toEqual({ file: FILE, line: 2, column: 19 });
  });
});
