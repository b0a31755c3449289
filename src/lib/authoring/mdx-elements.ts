import type { MdastNode } from 'satteri';
import { literalKind } from './js-literal.ts';
import { at, listed, rewritten, shortCode, type Place, type Refusal } from './mdx-refusal.ts';
import { pictureFileName, pictureRefusal } from './url-rules.ts';

/**
 * The body's allow-list for tags (see mdx-allow-list.ts): the site's components by name, a few
 * inline HTML elements ({@link INLINE_HTML}), attributes with literal values and no `on…`
 * handler; every other element refused with what to write instead. Pure.
 */

/**
 * The HTML an article may use, with the attributes each may carry: what an editor needs inside a
 * sentence and Markdown cannot write. Everything else is Markdown or a component.
 * - `<abbr title>`: an abbreviation with its expansion, for readers and screen readers.
 * - `<bdi lang>`: a Hebrew or Arabic name inside an English sentence keeps its own direction.
 * - `<sub>`, `<sup>`: H₂O, 1st, m² (no Markdown for them in MDX).
 * - `<br />`: a line break inside a paragraph (an address, a verse), where Markdown's is two
 *   trailing spaces nobody sees.
 */
export const INLINE_HTML: Readonly<Record<string, readonly string[]>> = {
  abbr: ['title'],
  bdi: ['lang'],
  sub: [],
  sup: [],
  br: [],
};

/** What an HTML element would do, and what to write instead. */
function htmlAdvice(name: string): { why?: string; fix: string } {
  const group = (names: string) => names.split(' ').includes(name);
  if (group('script noscript template')) {
    return {
      why: 'it would run code in every reader’s browser',
      fix: 'Delete it: an article holds no code. A post on X is quoted with <Tweet … />; link to anything else with [text](https://…).',
    };
  }
  if (group('style link meta base')) {
    return {
      why: 'it would change the page around the article',
      fix: 'Delete it: the site’s own styles set out every article.',
    };
  }
  if (group('iframe frame embed object video audio source track portal')) {
    return {
      why: 'it would load another site into the page',
      fix: 'Link to it instead: [text](https://…). A post on X is quoted with <Tweet … />, with a saved copy of its photo.',
    };
  }
  if (group('form input button select option textarea label fieldset output datalist')) {
    return {
      why: 'it would send what readers type to another site',
      fix: 'Link to the form instead: [text](https://…).',
    };
  }
  if (group('img picture svg canvas')) {
    return {
      fix: 'Save the picture in the article’s folder and show it with <Figure src="./photo.jpg" alt="…" credit="…">Caption.</Figure>.',
    };
  }
  if (group('a')) return { fix: 'Write the link in Markdown: [text](https://…).' };
  if (group('b strong')) return { fix: 'Write bold in Markdown: **words**.' };
  if (group('i em')) return { fix: 'Write italics in Markdown: *words*.' };
  if (group('s del strike')) return { fix: 'Write struck-out words in Markdown: ~~words~~.' };
  if (group('h1 h2 h3 h4 h5 h6'))
    return { fix: 'Write a heading in Markdown: ## Heading, on a line of its own.' };
  if (group('p')) return { fix: 'Leave a blank line between paragraphs instead.' };
  if (group('ul ol li'))
    return { fix: 'Write a list in Markdown: one line per item, each starting with "- ".' };
  if (group('blockquote')) return { fix: 'Write a quotation in Markdown: "> " at the start of each line.' };
  if (group('code pre')) return { fix: 'Write code in backticks: `code`.' };
  if (group('hr')) return { fix: 'Write --- on a line of its own, with blank lines around it.' };
  return { fix: 'Write it in Markdown, or leave the tag out and keep its words.' };
}

/** The HTML an article may use, for a hint. */
const INLINE_HTML_SHOWN = '<abbr title="…">, <bdi>, <sub>, <sup> and <br />';

export type ElementNode = Extract<MdastNode, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>;
type Attribute = ElementNode['attributes'][number];

/** An `<img>`: its own words, for the picture it names. */
function imageElementRefusal(node: ElementNode): Refusal {
  const value = (name: string) => {
    const attribute = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
    return attribute && typeof attribute.value === 'string' ? attribute.value : undefined;
  };
  const src = value('src') ?? '';
  const alt = value('alt') || '…';
  const where = pictureRefusal(src);
  return {
    node,
    explain: (place) =>
      at(
        place,
        `MDX reads <img> as HTML, which articles cannot use${where ? `: ${where}` : ''}.`,
        `Pictures are files beside the article: save it in the article’s folder and show it with <Figure src="./${pictureFileName(src)}" alt="${alt}" credit="…">Caption.</Figure>.`,
      ),
  };
}

/** How an attribute may be written in the source, to find it. */
function written(attribute: Attribute): string[] {
  if (attribute.type === 'mdxJsxExpressionAttribute') return [`{${attribute.value}}`];
  const { name, value } = attribute;
  if (value === null || value === undefined) return [name];
  if (typeof value === 'string') return [`${name}="${value}"`, `${name}='${value}'`, `${name}=`];
  return [`${name}={${value.value}}`, `${name}=`];
}

/** The first attribute of an element the allow-list refuses. */
function attributeRefusal(node: ElementNode, allowed?: readonly string[]): Refusal | undefined {
  const tag = `<${node.name ?? ''}>`;
  for (const attribute of node.attributes) {
    const marks = written(attribute);
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      const spread = shortCode(`{${attribute.value}}`);
      return {
        node,
        marks,
        explain: (place) =>
          at(
            place,
            `${spread} on ${tag} passes props from code: an article writes each prop with its value.`,
            'Write each prop by name, with its value in quotes (name="…"), instead.',
          ),
      };
    }
    const { name, value } = attribute;
    const shown = marks[0] ?? name;
    const deleted = (place: Place) =>
      `Delete ${shortCode(shown)}.${place.lines[place.index]?.[place.from - 1] === ' ' ? rewritten({ ...place, from: place.from - 1 }, '') : ''}`;
    if (/^on/i.test(name)) {
      return {
        node,
        marks,
        explain: (place) =>
          at(
            place,
            `${name} on ${tag} is an event handler: it would run code in the reader’s browser.`,
            deleted(place),
          ),
      };
    }
    if (allowed && !allowed.includes(name)) {
      const takes = allowed.length > 0 ? `takes only ${listed(allowed)}` : 'takes no attributes';
      return {
        node,
        marks,
        explain: (place) => at(place, `${name} on ${tag}: in an article, ${tag} ${takes}.`, deleted(place)),
      };
    }
    if (value !== null && value !== undefined && typeof value !== 'string') {
      const kind = literalKind(value.value);
      if (kind === undefined || kind === 'nothing') {
        const code = shortCode(`{${value.value}}`);
        return {
          node,
          marks,
          explain: (place) =>
            at(
              place,
              `${name}=${code} on ${tag} is code: a value in braces must be a literal (words in quotes, a number, true or false, or a \`template\` without \${…}).`,
              `Write the value itself: words in quotes, ${name}="…", or a number in braces, ${name}={3}. An article cannot work out a value or read one from the build.`,
            ),
        };
      }
    }
  }
  return undefined;
}

/** A component or HTML element the allow-list refuses, or whose attributes it refuses. */
export function elementRefusal(node: ElementNode, components: readonly string[]): Refusal | undefined {
  const name = node.name;
  if (name === null) {
    return {
      node,
      explain: (place) =>
        at(
          place,
          'MDX reads <> as a fragment, which articles have no use for.',
          'Delete <> and </>, and keep what is between them.',
        ),
    };
  }
  if (/^[A-Z]/.test(name) || /[.:]/.test(name)) {
    if (components.includes(name)) return attributeRefusal(node);
    return {
      node,
      explain: (place) =>
        at(
          place,
          `<${name}> is not a component articles can use.`,
          `Articles can use ${listed(components.map((n) => `<${n}>`))} without an import. To add one, see "Adding an MDX component" in CONTRIBUTING.md.`,
        ),
    };
  }
  const allowed = INLINE_HTML[name];
  if (allowed) return attributeRefusal(node, allowed);
  if (name === 'img') return imageElementRefusal(node);
  const { why, fix } = htmlAdvice(name);
  return {
    node,
    explain: (place) =>
      at(
        place,
        `MDX reads <${name}> as HTML, which articles cannot use${why ? `: ${why}` : ''}.`,
        `${fix} The HTML an article may use: ${INLINE_HTML_SHOWN}.`,
      ),
  };
}
