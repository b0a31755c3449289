import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mdxComponents } from '../../src/components/mdx';
import { MDX_COMPONENT_NAMES } from '../../src/components/mdx/names';
import { splitArticle } from '../../src/lib/authoring/article-parts';
import { literalKind } from '../../src/lib/authoring/js-literal';
import { bioProblem, bodyProblem } from '../../src/lib/authoring/mdx-allow-list';
import { authoringError } from '../../src/lib/authoring/problem';
import { linkRefusal, pictureFileName, pictureRefusal, readUrl } from '../../src/lib/authoring/url-rules';
import { ROOT } from '../helpers/build';
import { errorOf } from '../helpers/errors';

const HOSTILE = join(ROOT, 'tests/fixtures/hostile');

/** The error the build prints for a hostile fixture, as the loader finds it, with its line:column. */
async function reported(name: string) {
  const { body, bodyLine } = splitArticle(readFileSync(join(HOSTILE, name), 'utf8'));
  const problem = bodyProblem(body, bodyLine, MDX_COMPONENT_NAMES);
  if (!problem) throw new Error(`expected ${name} to be refused`);
  return {
    ...(await errorOf(() => {
      throw authoringError(`src/content/articles/${name}`, problem);
    })),
    at: `${problem.line}:${problem.column}`,
  };
}

/** What the allow-list says of a body (from line 1): "line: message hint", or undefined when it passes. */
function said(body: string): string | undefined {
  const problem = bodyProblem(body, 1, MDX_COMPONENT_NAMES);
  return problem && `${problem.line}: ${problem.message} ${problem.hint}`;
}

describe('the component names', () => {
  it('are the keys of the map articles render with, in the same order', () => {
    expect(Object.keys(mdxComponents)).toEqual([...MDX_COMPONENT_NAMES]);
  });
});

describe('hostile articles: each refused, naming the file, the line and the fix', () => {
  it('refuses an import', async () => {
    expect(await reported('esm-import.mdx')).toMatchInlineSnapshot(`
      {
        "at": "10:1",
        "hint": "Delete the line. The site’s components need no import, and a picture is a file beside the article, shown with <Figure src="./photo.jpg" alt="…" credit="…">Caption.</Figure>.",
        "message": "src/content/articles/esm-import.mdx, line 10: MDX reads "import { readFileSync } from 'node:fs';" as code: an article cannot import anything.",
        "name": "AstroUserError",
      }
    `);
  });

  it('refuses an export', async () => {
    expect(await reported('export-const.mdx')).toMatchInlineSnapshot(`
      {
        "at": "10:1",
        "hint": "Delete it, and write the words or numbers themselves where they are used, e.g. speaker="Eli Cohen".",
        "message": "src/content/articles/export-const.mdx, line 10: MDX reads "export const secret = 'read at build time';" as code: an article cannot export or work out anything.",
        "name": "AstroUserError",
      }
    `);
  });

  it('refuses a prop that reads process.env', async () => {
    expect(await reported('prop-process-env.mdx')).toMatchInlineSnapshot(`
      {
        "at": "12:12",
        "hint": "Write the value itself: words in quotes, speaker="…", or a number in braces, speaker={3}. An article cannot work out a value or read one from the build.",
        "message": "src/content/articles/prop-process-env.mdx, line 12: speaker={process.env.DEPLOY_TOKEN} on <PullQuote> is code: a value in braces must be a literal (words in quotes, a number, true or false, or a \`template\` without \${…}).",
        "name": "AstroUserError",
      }
    `);
  });

  it('refuses a spread prop', async () => {
    expect(await reported('spread-prop.mdx')).toMatchInlineSnapshot(`
      {
        "at": "12:12",
        "hint": "Write each prop by name, with its value in quotes (name="…"), instead.",
        "message": "src/content/articles/spread-prop.mdx, line 12: {...props} on <PullQuote> passes props from code: an article writes each prop with its value.",
        "name": "AstroUserError",
      }
    `);
  });

  it('refuses <script>', async () => {
    expect(await reported('script.mdx')).toMatchInlineSnapshot(`
      {
        "at": "12:1",
        "hint": "Delete it: an article holds no code. A post on X is quoted with <Tweet … />; link to anything else with [text](https://…). The HTML an article may use: <abbr title="…">, <bdi>, <sub>, <sup> and <br />.",
        "message": "src/content/articles/script.mdx, line 12: MDX reads <script> as HTML, which articles cannot use: it would run code in every reader’s browser.",
        "name": "AstroUserError",
      }
    `);
  });

  it('refuses <style>', async () => {
    expect(await reported('style.mdx')).toMatchInlineSnapshot(`
      {
        "at": "12:1",
        "hint": "Delete it: the site’s own styles set out every article. The HTML an article may use: <abbr title="…">, <bdi>, <sub>, <sup> and <br />.",
        "message": "src/content/articles/style.mdx, line 12: MDX reads <style> as HTML, which articles cannot use: it would change the page around the article.",
        "name": "AstroUserError",
      }
    `);
  });

  it('refuses <iframe>', async () => {
    expect(await reported('iframe.mdx')).toMatchInlineSnapshot(`
      {
        "at": "12:1",
        "hint": "Link to it instead: [text](https://…). A post on X is quoted with <Tweet … />, with a saved copy of its photo. The HTML an article may use: <abbr title="…">, <bdi>, <sub>, <sup> and <br />.",
        "message": "src/content/articles/iframe.mdx, line 12: MDX reads <iframe> as HTML, which articles cannot use: it would load another site into the page.",
        "name": "AstroUserError",
      }
    `);
  });

  it('refuses <form>', async () => {
    expect(await reported('form.mdx')).toMatchInlineSnapshot(`
      {
        "at": "12:1",
        "hint": "Link to the form instead: [text](https://…). The HTML an article may use: <abbr title="…">, <bdi>, <sub>, <sup> and <br />.",
        "message": "src/content/articles/form.mdx, line 12: MDX reads <form> as HTML, which articles cannot use: it would send what readers type to another site.",
        "name": "AstroUserError",
      }
    `);
  });

  it('refuses an on… attribute, and shows the line without it', async () => {
    expect(await reported('on-attribute.mdx')).toMatchInlineSnapshot(`
      {
        "at": "10:36",
        "hint": "Delete onmouseover="alert(1)". Line 10 then reads:
        The <abbr title="Foreign Ministry">FM</abbr> said so.",
        "message": "src/content/articles/on-attribute.mdx, line 10: onmouseover on <abbr> is an event handler: it would run code in the reader’s browser.",
        "name": "AstroUserError",
      }
    `);
  });

  it('refuses a javascript: link, and shows the line with its words unlinked', async () => {
    expect(await reported('javascript-link.mdx')).toMatchInlineSnapshot(`
      {
        "at": "10:6",
        "hint": "Link to an https:// address or a path on this site, or keep the words without a link. Line 10 then reads:
        Read the statement in full.",
        "message": "src/content/articles/javascript-link.mdx, line 10: The link [the statement](javascript:alert(location.href)) cannot be published: a javascript: address runs code when a reader follows it.",
        "name": "AstroUserError",
      }
    `);
  });

  it('refuses a data: link', async () => {
    expect(await reported('data-link.mdx')).toMatchInlineSnapshot(`
      {
        "at": "10:6",
        "hint": "Link to an https:// address or a path on this site, or keep the words without a link. Line 10 then reads:
        Read the statement in full.",
        "message": "src/content/articles/data-link.mdx, line 10: The link [the statement](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) cannot be published: a data: address carries a whole page inside the link.",
        "name": "AstroUserError",
      }
    `);
  });

  it('refuses an <img> from another host, pointing to <Figure> with a file beside the article', async () => {
    expect(await reported('third-party-img.mdx')).toMatchInlineSnapshot(`
      {
        "at": "12:1",
        "hint": "Pictures are files beside the article: save it in the article’s folder and show it with <Figure src="./pixel.gif" alt="…" credit="…">Caption.</Figure>.",
        "message": "src/content/articles/third-party-img.mdx, line 12: MDX reads <img> as HTML, which articles cannot use: it loads from tracker.example, another host.",
        "name": "AstroUserError",
      }
    `);
  });

  it('refuses a Markdown picture from another host, pointing to <Figure> with a file beside the article', async () => {
    expect(await reported('third-party-markdown-image.mdx')).toMatchInlineSnapshot(`
      {
        "at": "12:1",
        "hint": "Pictures are files beside the article: save it in the article’s folder and show it with <Figure src="./minister.jpg" alt="The minister" credit="…">Caption.</Figure>.",
        "message": "src/content/articles/third-party-markdown-image.mdx, line 12: The picture ![The minister](https://tracker.example/photos/minister.jpg) cannot be published: it loads from tracker.example, another host.",
        "name": "AstroUserError",
      }
    `);
  });
});

describe('bodyProblem: what else the allow-list refuses', () => {
  it('refuses a component that is not the site’s, naming those that are', () => {
    expect(said('Text.\n\n<Instagram user="x" />')).toMatchInlineSnapshot(
      `"3: <Instagram> is not a component articles can use. Articles can use <Figure>, <PullQuote>, <Tweet>, and <Update> without an import. To add one, see "Adding an MDX component" in CONTRIBUTING.md."`,
    );
  });

  it('refuses what would run code however it is written', () => {
    const messages = Object.fromEntries(
      Object.entries({
        'code in text': 'The figure is {process.env.TOKEN}.',
        'a template with ${…}':
          '<Tweet name="A" handle="a" date="2023-03-29" lang="en" text={`x ${process.env.TOKEN}`} />',
        'a sum': '<PullQuote speaker={"Eli " + name}>\n  Words.\n</PullQuote>',
        'a call': '<PullQuote speaker={String(1)}>\n  Words.\n</PullQuote>',
        'empty braces': '<PullQuote speaker={/* nothing */}>\n  Words.\n</PullQuote>',
        'a spread on HTML': 'A <abbr {...x}>FM</abbr>.',
        'a handler on a component': '<PullQuote speaker="A" onClick="alert(1)">\n  Words.\n</PullQuote>',
        'a member-expression tag': 'A <a.b /> tag.',
        'a fragment': 'A <>fragment</> here.',
        'a style on <abbr>': 'The <abbr title="x" style="color: red">FM</abbr>.',
        'a title in code': 'The <abbr title={secret}>FM</abbr>.',
        'a raw link': 'A <a href="https://example.org/">link</a>.',
        'a local <img>': '<img src="./map.png" alt="Map" />',
        'bold in HTML': 'A <b>bold</b> word.',
        'an export later': 'Text.\n\nexport default function Layout() {}',
      }).map(([name, body]) => [name, said(body)]),
    );
    expect(messages).toMatchInlineSnapshot(`
      {
        "a call": "1: speaker={String(1)} on <PullQuote> is code: a value in braces must be a literal (words in quotes, a number, true or false, or a \`template\` without \${…}). Write the value itself: words in quotes, speaker="…", or a number in braces, speaker={3}. An article cannot work out a value or read one from the build.",
        "a fragment": "1: MDX reads <> as a fragment, which articles have no use for. Delete <> and </>, and keep what is between them.",
        "a handler on a component": "1: onClick on <PullQuote> is an event handler: it would run code in the reader’s browser. Delete onClick="alert(1)". Line 1 then reads:
        <PullQuote speaker="A">",
        "a local <img>": "1: MDX reads <img> as HTML, which articles cannot use. Pictures are files beside the article: save it in the article’s folder and show it with <Figure src="./map.png" alt="Map" credit="…">Caption.</Figure>.",
        "a member-expression tag": "1: <a.b> is not a component articles can use. Articles can use <Figure>, <PullQuote>, <Tweet>, and <Update> without an import. To add one, see "Adding an MDX component" in CONTRIBUTING.md.",
        "a raw link": "1: MDX reads <a> as HTML, which articles cannot use. Write the link in Markdown: [text](https://…). The HTML an article may use: <abbr title="…">, <bdi>, <sub>, <sup> and <br />.",
        "a spread on HTML": "1: {...x} on <abbr> passes props from code: an article writes each prop with its value. Write each prop by name, with its value in quotes (name="…"), instead.",
        "a style on <abbr>": "1: style on <abbr>: in an article, <abbr> takes only title. Delete style="color: red". Line 1 then reads:
        The <abbr title="x">FM</abbr>.",
        "a sum": "1: speaker={"Eli " + name} on <PullQuote> is code: a value in braces must be a literal (words in quotes, a number, true or false, or a \`template\` without \${…}). Write the value itself: words in quotes, speaker="…", or a number in braces, speaker={3}. An article cannot work out a value or read one from the build.",
        "a template with \${…}": "1: text={\`x \${process.env.TOKEN}\`} on <Tweet> is code: a value in braces must be a literal (words in quotes, a number, true or false, or a \`template\` without \${…}). Write the value itself: words in quotes, text="…", or a number in braces, text={3}. An article cannot work out a value or read one from the build.",
        "a title in code": "1: title={secret} on <abbr> is code: a value in braces must be a literal (words in quotes, a number, true or false, or a \`template\` without \${…}). Write the value itself: words in quotes, title="…", or a number in braces, title={3}. An article cannot work out a value or read one from the build.",
        "an export later": "3: MDX reads "export default function Layout() {}" as code: an article cannot export or work out anything. Delete it, and write the words or numbers themselves where they are used, e.g. speaker="Eli Cohen".",
        "bold in HTML": "1: MDX reads <b> as HTML, which articles cannot use. Write bold in Markdown: **words**. The HTML an article may use: <abbr title="…">, <bdi>, <sub>, <sup> and <br />.",
        "code in text": "1: MDX reads {process.env.TOKEN} as code: braces in text hold a JavaScript expression. Write \\{process.env.TOKEN} to show the braces, or use square brackets or parentheses instead, as in [process.env.TOKEN]. Line 1 then reads:
        The figure is [process.env.TOKEN].",
        "empty braces": "1: speaker={/* nothing */} on <PullQuote> is code: a value in braces must be a literal (words in quotes, a number, true or false, or a \`template\` without \${…}). Write the value itself: words in quotes, speaker="…", or a number in braces, speaker={3}. An article cannot work out a value or read one from the build.",
      }
    `);
  });

  it('refuses script and data addresses however a browser would read them', () => {
    const messages = Object.fromEntries(
      Object.entries({
        capitals: '[a](JaVaScRiPt:alert(1))',
        'a character reference': '[a](jav&#x61;script:alert(1))',
        'a tab inside': '[a](<java\tscript:alert(1)>)',
        vbscript: '[a](vbscript:msgbox)',
        'another scheme': '[a](file:///etc/passwd)',
        'no scheme, another host': '[a](//evil.example/x)',
        'a definition': '[a][x]\n\n[x]: javascript:alert(1)',
        'a picture by reference': '![a][p]\n\n[p]: https://tracker.example/p.gif',
        'a picture in a link': '[![a](https://tracker.example/p.gif)](https://example.org/)',
        'a data: picture': '![a](data:image/gif;base64,R0lGOD)',
        'a picture from //host': '![a](//tracker.example/p.gif)',
        'an SVG beside the article': '![Chart](./chart.svg)',
        'a picture by a label defined twice': '![a][x]\n\n[x]: https://tracker.example/p.gif\n[x]: ./ok.png',
      }).map(([name, body]) => [name, said(body)]),
    );
    expect(messages).toMatchInlineSnapshot(`
      {
        "a character reference": "1: The link [a](javascript:alert(1)) cannot be published: a javascript: address runs code when a reader follows it. Link to an https:// address or a path on this site, or keep the words without a link. Line 1 then reads:
        a",
        "a data: picture": "1: The picture ![a](data:image/gif;base64,R0lGOD) cannot be published: a data: picture is a file pasted into the text. Pictures are files beside the article: save it in the article’s folder and show it with <Figure src="./photo.jpg" alt="a" credit="…">Caption.</Figure>.",
        "a definition": "3: The link definition [x]: javascript:alert(1) cannot be published: a javascript: address runs code when a reader follows it. Point it at an https:// address or a path on this site, or delete it and the links that use it.",
        "a picture by a label defined twice": "3: The picture ![a](https://tracker.example/p.gif) cannot be published: it loads from tracker.example, another host. Pictures are files beside the article: save it in the article’s folder and show it with <Figure src="./p.gif" alt="a" credit="…">Caption.</Figure>.",
        "a picture by reference": "3: The picture ![a](https://tracker.example/p.gif) cannot be published: it loads from tracker.example, another host. Pictures are files beside the article: save it in the article’s folder and show it with <Figure src="./p.gif" alt="a" credit="…">Caption.</Figure>.",
        "a picture from //host": "1: The picture ![a](//tracker.example/p.gif) cannot be published: it loads from tracker.example, another host. Pictures are files beside the article: save it in the article’s folder and show it with <Figure src="./p.gif" alt="a" credit="…">Caption.</Figure>.",
        "a picture in a link": "1: The picture ![a](https://tracker.example/p.gif) cannot be published: it loads from tracker.example, another host. Pictures are files beside the article: save it in the article’s folder and show it with <Figure src="./p.gif" alt="a" credit="…">Caption.</Figure>.",
        "a tab inside": "1: The link [a](java	script:alert(1)) cannot be published: a javascript: address runs code when a reader follows it. Link to an https:// address or a path on this site, or keep the words without a link. Line 1 then reads:
        a",
        "an SVG beside the article": "1: The picture ![Chart](./chart.svg) cannot be published: it is a .svg file; the site takes JPEG, PNG, WebP or AVIF: export it as one of those. Save it as a JPEG, PNG, WebP or AVIF file beside the article and point the picture at that file.",
        "another scheme": "1: The link [a](file:///etc/passwd) cannot be published: a link goes to an https:, http: or mailto: address or a path on this site, not a file: address. Link to an https:// address or a path on this site, or keep the words without a link. Line 1 then reads:
        a",
        "capitals": "1: The link [a](JaVaScRiPt:alert(1)) cannot be published: a javascript: address runs code when a reader follows it. Link to an https:// address or a path on this site, or keep the words without a link. Line 1 then reads:
        a",
        "no scheme, another host": "1: The link [a](//evil.example/x) cannot be published: an address starting with // leaves the scheme to the page (write https://evil.example/…). Link to an https:// address or a path on this site, or keep the words without a link. Line 1 then reads:
        a",
        "vbscript": "1: The link [a](vbscript:msgbox) cannot be published: a vbscript: address runs code when a reader follows it. Link to an https:// address or a path on this site, or keep the words without a link. Line 1 then reads:
        a",
      }
    `);
  });

  it('finds nothing in what articles write: Markdown, the components with literal props, the inline tags', () => {
    const body = [
      '# A heading',
      '',
      'Text with *emphasis*, **strong**, ~~struck~~, `code {x} <b>`, a [link](https://example.org/a?b=c),',
      'an [http link](http://example.org/), [mail](mailto:news@example.org), [a page](/articles/x/),',
      '[a part](#corrections), [a relative one](../x/), www.example.org and https://example.org/ bare.',
      '',
      'H<sub>2</sub>O, the 1<sup>st</sup>, <abbr title="Foreign Ministry">FM</abbr>, <bdi lang="he">אלי כהן</bdi>,',
      'a line<br />break, a comment {/* note */} and a brace {"{"}.',
      '',
      '![A local picture](./x/map.png) and [a reference][ref].[^1]',
      '',
      '[ref]: https://example.org/ref',
      '[^1]: A footnote.',
      '',
      '> A quotation.',
      '',
      '- a list',
      '- of two',
      '',
      '| a | b |',
      '| - | - |',
      '| 1 | 2 |',
      '',
      '<PullQuote speaker="Eli Cohen" role={"Minister"}>',
      '  Words.',
      '</PullQuote>',
      '',
      '<Tweet name="A" handle="a" date="2023-03-29" lang="en" text={`two',
      'lines`} />',
      '',
      '<Figure src="./x/map.png" alt="Map" credit="JNS">A caption.</Figure>',
      '',
      '```mdx',
      'import x from "y"; <script>{process.env.X}</script> [a](javascript:x)',
      '```',
    ].join('\n');
    expect(said(body)).toBeUndefined();
  });

  it('counts lines from where the body starts in the file', () => {
    expect(bodyProblem('\nText.\n\n<iframe />', 8, MDX_COMPONENT_NAMES)?.line).toBe(11);
  });
});

describe('bioProblem: a person’s Markdown bio, by the same rules', () => {
  it('refuses raw HTML, a script link and a picture from another host, naming the line', () => {
    const said = (body: string) => {
      const problem = bioProblem(body, 5);
      return problem && `${problem.line}: ${problem.message} ${problem.hint}`;
    };
    expect({
      html: said('\nDana covers water.\n\n<script>alert(1)</script>'),
      'inline html': said('\nDana <b onclick="x">covers</b> water.'),
      link: said('\nSee [her site](javascript:alert(1)).'),
      picture: said('\n![Dana](https://tracker.example/dana.jpg)'),
    }).toMatchInlineSnapshot(`
      {
        "html": "8: "<script>alert(1)</script>" is HTML, which a bio cannot use: it is published as it is written. Write it in Markdown instead: *italics*, **bold**, [a link](https://…).",
        "inline html": "6: "<b onclick="x">" is HTML, which a bio cannot use: it is published as it is written. Write it in Markdown instead: *italics*, **bold**, [a link](https://…).",
        "link": "6: The link [her site](javascript:alert(1)) cannot be published: a javascript: address runs code when a reader follows it. Link to an https:// address or a path on this site, or keep the words without a link. Line 6 then reads:
        See her site.",
        "picture": "6: The picture ![Dana](https://tracker.example/dana.jpg) cannot be published: it loads from tracker.example, another host. Save the picture beside the bio and write ![Dana](./dana.jpg), or delete it.",
      }
    `);
  });

  it('finds nothing in a plain bio, with braces, a less-than sign and links', () => {
    expect(
      bioProblem(
        '\nDana {covers} water, 3 < 4, at [her site](https://example.org/dana) and <dana@example.org>.',
        5,
      ),
    ).toBeUndefined();
    for (const name of ['dana-cohen.md', 'noa-peretz.md', 'yusuf-aliyev.md']) {
      const { body, bodyLine } = splitArticle(
        readFileSync(join(ROOT, 'tests/fixtures/authors', name), 'utf8'),
      );
      expect(bioProblem(body, bodyLine), name).toBeUndefined();
    }
  });
});

describe('literalKind: a value in braces, parsed', () => {
  it('tells literals from code', () => {
    const kinds = Object.fromEntries(
      [
        "'x'",
        '"x"',
        '`two\nlines`',
        '3',
        '-3.5',
        'true',
        ' /* a note */ ',
        '',
        'null',
        '/x/',
        '10n',
        '`a ${b}`',
        'process.env.TOKEN',
        'tag`x`',
        "'a' + b",
        "'a', b",
        "'a'; b",
        "'unclosed",
      ].map((code) => [code, literalKind(code) ?? 'code']),
    );
    expect(kinds).toMatchInlineSnapshot(`
      {
        "": "nothing",
        " /* a note */ ": "nothing",
        ""x"": "string",
        "'a' + b": "code",
        "'a', b": "code",
        "'a'; b": "code",
        "'unclosed": "code",
        "'x'": "string",
        "-3.5": "number",
        "/x/": "code",
        "10n": "code",
        "3": "number",
        "\`a \${b}\`": "code",
        "\`two
      lines\`": "string",
        "null": "code",
        "process.env.TOKEN": "code",
        "tag\`x\`": "code",
        "true": "boolean",
      }
    `);
  });
});

describe('the URL rules', () => {
  it('read a URL as a browser does: case, spaces, tabs and backslashes', () => {
    expect(readUrl(' \u0001JaVa\tScRipt:alert(1) ')).toEqual({ scheme: 'javascript' });
    expect(readUrl('\\\\evil.example/x')).toEqual({ host: 'evil.example' });
    expect(readUrl('https://example.org:8443/x')).toEqual({ scheme: 'https', host: 'example.org:8443' });
    expect(readUrl('/articles/x/')).toEqual({});
  });

  it('let links go to https, http, mailto and paths on the site, nothing else', () => {
    for (const url of [
      'https://a.example/',
      'HTTP://a.example/',
      'mailto:a@b.example',
      '/x/',
      './x',
      '#x',
      '?q=1',
      'x/y',
    ])
      expect(linkRefusal(url), url).toBeUndefined();
    for (const url of [
      'javascript:x',
      ' javascript:x',
      'data:text/html,x',
      'vbscript:x',
      'file:///x',
      'tel:123',
      '//a.example/',
    ])
      expect(linkRefusal(url), url).toBeDefined();
  });

  it('let pictures come only from files on the site', () => {
    for (const url of ['./a.jpg', '../a.jpg', 'a.jpg', '/a.jpg'])
      expect(pictureRefusal(url), url).toBeUndefined();
    expect(pictureRefusal('https://t.example/p.gif')).toBe('it loads from t.example, another host');
    expect(pictureRefusal('//t.example/p.gif')).toBe('it loads from t.example, another host');
    expect(pictureRefusal('data:image/gif;base64,R0lG')).toBe(
      'a data: picture is a file pasted into the text',
    );
    expect(pictureFileName('https://t.example/img/p.gif?x=1')).toBe('p.gif');
    expect(pictureFileName('https://t.example/')).toBe('photo.jpg');
  });
});
