import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Figure from '../../src/components/mdx/Figure.astro';
import emblem from '../fixtures/archive/fixture-embassy-visit/emblem.png';
import huge from '../fixtures/broken-photos/photos/huge.png';
import grey from '../fixtures/broken-photos/photos/ok.jpg';
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

describe('<Figure> props, as a broken article’s build reports them', () => {
  // The messages a build of tests/fixtures/broken-photos/ prints, pinned without a build: each
  // fixture's <Figure>, rendered for that article. The build keeps one component error
  // (tests/build/broken-articles.test.ts).
  const renderIn = (article: string, figureProps: Record<string, unknown>) =>
    container.renderToString(Figure, {
      props: figureProps,
      slots: { default: '<p>Where the festival is held.</p>' },
      locals: { articleSource: `src/content/articles/${article}` },
    });

  it('refuses a <Figure> without alt text, with an example', async () => {
    expect(await errorOf(renderIn('figure-missing-alt.mdx', { src: grey, credit: 'JNS graphics' })))
      .toMatchInlineSnapshot(`
        {
          "hint": "Fix the <Figure> in src/content/articles/figure-missing-alt.mdx. See "Components (no import line needed)" in docs/writing.md for its props.",
          "message": "<Figure> in src/content/articles/figure-missing-alt.mdx: prop "alt" is required: what the picture shows, for readers who cannot see it, e.g. alt="Stalls under white awnings beside a wheat field at dusk".",
          "name": "AstroUserError",
        }
      `);
  });

  it('refuses a <Figure> without a credit, with an example', async () => {
    expect(await errorOf(renderIn('figure-missing-credit.mdx', { src: grey, alt: 'A grey test card' })))
      .toMatchInlineSnapshot(`
        {
          "hint": "Fix the <Figure> in src/content/articles/figure-missing-credit.mdx. See "Components (no import line needed)" in docs/writing.md for its props.",
          "message": "<Figure> in src/content/articles/figure-missing-credit.mdx: prop "credit" is required: who took the photo or made the graphic, e.g. credit="Miriam Levi/JNS".",
          "name": "AstroUserError",
        }
      `);
  });

  it('refuses an image over 8,000 px a side, with the size to export it at', async () => {
    expect(
      await errorOf(
        renderIn('figure-too-large.mdx', { src: huge, alt: 'Map of the valley', credit: 'JNS graphics' }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "hint": "Fix the <Figure> in src/content/articles/figure-too-large.mdx. See "Components (no import line needed)" in docs/writing.md for its props.",
        "message": "<Figure> in src/content/articles/figure-too-large.mdx: prop "src" is 12,000 × 8,000 px, larger than the 8,000 px the build takes on either side; export it smaller (2,000–4,000 px wide is plenty for the web).",
        "name": "AstroUserError",
      }
    `);
  });
});
