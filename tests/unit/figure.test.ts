import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Figure from '../../src/components/mdx/Figure.astro';
import emblem from '../fixtures/archive/fixture-embassy-visit/emblem.png';
import map from '../fixtures/archive/fixture-harvest-festival/map.png';
import { COLUMN_SIZES } from '../../src/lib/photos/sizes';
import { errorOf } from '../helpers/errors';
import { parseFragment, readerText } from '../helpers/html';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const props = { src: map, alt: 'Map of the valley with the festival grounds marked', credit: 'JNS graphics' };
/** Renders a <Figure> whose caption is `html`, as MDX renders the Markdown between its tags. */
const render = (html: string, src = map) =>
  container.renderToString(Figure, {
    props: { ...props, src },
    slots: { default: html },
    locals: { articleSource: 'src/content/articles/example.mdx' },
  });

describe('<Figure> captions', () => {
  it('take one paragraph of inline Markdown, unwrapped into the caption’s <span>', async () => {
    const doc = parseFragment(await render('<p>Where the festival is held, <em>south of Afula</em>.</p>'));
    const caption = doc.querySelector('figcaption .caption');
    expect(caption?.innerHTML).toBe('Where the festival is held, <em>south of Afula</em>.');
    expect(readerText(doc.querySelector('figcaption'))).toBe(
      'Where the festival is held, south of Afula. Credit: JNS graphics',
    );
  });

  it('print a credit that says what it credits as written, not after "Credit: "', async () => {
    const doc = parseFragment(
      await container.renderToString(Figure, {
        props: { ...props, credit: 'Courtesy of the Foreign Ministry' },
        slots: { default: '<p>Where the festival is held.</p>' },
        locals: { articleSource: 'src/content/articles/example.mdx' },
      }),
    );
    expect(readerText(doc.querySelector('figcaption .credit'))).toBe('Courtesy of the Foreign Ministry');
  });

  it('refuse two paragraphs or a list, which a <span> cannot hold, naming the article and the fix', async () => {
    expect(await errorOf(render('<p>Where the festival is held.</p>\n<p>A second paragraph.</p>')))
      .toMatchInlineSnapshot(`
        {
          "hint": "Write the caption as one paragraph, with no blank line inside the <Figure>, and move the rest into the article's text after it, e.g. <Figure src="./harvest/map.png" alt="Map of the valley" credit="JNS graphics">Where the festival is held.</Figure>",
          "message": "<Figure> in src/content/articles/example.mdx: the caption has 2 paragraphs; the caption is one paragraph, where emphasis and links are fine.",
          "name": "AstroUserError",
        }
      `);
    expect(await errorOf(render('<ul>\n<li>Afula</li>\n<li>The valley</li>\n</ul>'))).toMatchInlineSnapshot(`
      {
        "hint": "Write the caption as one paragraph, with no blank line inside the <Figure>, and move the rest into the article's text after it, e.g. <Figure src="./harvest/map.png" alt="Map of the valley" credit="JNS graphics">Where the festival is held.</Figure>",
        "message": "<Figure> in src/content/articles/example.mdx: the caption has block content (<ul>, <li>); the caption is one paragraph, where emphasis and links are fine.",
        "name": "AstroUserError",
      }
    `);
  });

  it('refuse a caption with no words, naming the article and what to put between the tags', async () => {
    expect(await errorOf(render('<p><em> </em></p>'))).toMatchInlineSnapshot(`
      {
        "hint": "Put the caption inside it, e.g. <Figure src="./harvest/map.png" alt="Map of the valley" credit="JNS graphics">Where the festival is held.</Figure>",
        "message": "<Figure> in src/content/articles/example.mdx: there is nothing between its tags.",
        "name": "AstroUserError",
      }
    `);
  });
});

describe('<Figure> sizes', () => {
  it('tell the browser a wide picture fills the column, and a small graphic keeps its own width', async () => {
    const wide = parseFragment(await render('<p>Where the festival is held.</p>'));
    expect(wide.querySelector('img')?.getAttribute('sizes')).toBe(COLUMN_SIZES);
    const small = parseFragment(await render('<p>The office’s emblem.</p>', emblem));
    const img = small.querySelector('img');
    expect([img?.getAttribute('width'), img?.getAttribute('height')]).toEqual(['400', '300']);
    expect(img?.getAttribute('sizes')).toBe('min(400px, calc(100vw - 2.5rem))');
    for (const source of small.querySelectorAll('source'))
      expect(source.getAttribute('sizes')).toBe('min(400px, calc(100vw - 2.5rem))');
  });
});
