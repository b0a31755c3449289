import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import PullQuote from '../../src/components/mdx/PullQuote.astro';
import { errorOf } from '../helpers/errors';
import { parseFragment, readerText } from '../helpers/html';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const render = (props: Record<string, unknown>, quote?: string) =>
  container.renderToString(PullQuote, {
    props,
    ...(quote === undefined ? {} : { slots: { default: quote } }),
    locals: { articleSource: 'src/content/articles/example.mdx' },
  });

describe('<PullQuote>', () => {
  it('sets the words in a blockquote inside a figure, with the speaker and role in the caption', async () => {
    // Arrange / act
    const html = await render(
      { speaker: 'Eli Cohen', role: 'Israeli Foreign Minister' },
      '<p>Azerbaijan is a strategic partner of Israel</p>',
    );
    const doc = parseFragment(html);
    // Assert
    const figure = doc.querySelector('figure');
    expect(readerText(figure?.querySelector('blockquote'))).toBe(
      '“Azerbaijan is a strategic partner of Israel”',
    );
    expect(readerText(figure?.querySelector('figcaption'))).toBe('Eli Cohen, Israeli Foreign Minister');
    expect(figure?.querySelectorAll('blockquote p')).toHaveLength(1);
  });

  it('is hidden from assistive technology, since the body already says the words', async () => {
    const doc = parseFragment(await render({ speaker: 'Eli Cohen' }, 'Azerbaijan is a strategic partner'));
    expect(doc.querySelector('figure')?.getAttribute('aria-hidden')).toBe('true');
    expect(doc.querySelectorAll('a, button, [tabindex]')).toHaveLength(0); // nothing focusable inside
  });

  it('names only the speaker when no role is given', async () => {
    const doc = parseFragment(await render({ speaker: 'Jeyhun Bayramov' }, 'Words'));
    expect(readerText(doc.querySelector('figcaption'))).toBe('Jeyhun Bayramov');
  });

  it('keeps inline emphasis in a one-paragraph quote', async () => {
    const doc = parseFragment(
      await render({ speaker: 'Eli Cohen' }, '<p>Azerbaijan is a <em>strategic</em> partner</p>'),
    );
    expect(doc.querySelector('blockquote p')?.innerHTML).toBe('“Azerbaijan is a <em>strategic</em> partner”');
  });

  it('refuses two paragraphs, which would nest a <p> in its <p>, naming the article and the fix', async () => {
    const quote = '<p>Azerbaijan is a strategic partner of Israel.</p>\n<p>We will open an embassy.</p>';
    expect(await errorOf(render({ speaker: 'Eli Cohen' }, quote))).toMatchInlineSnapshot(`
      {
        "hint": "Keep one short passage, with no blank line inside the <PullQuote>; the article's text keeps the rest, e.g. <PullQuote speaker="Eli Cohen">Azerbaijan is a strategic partner of Israel</PullQuote>",
        "message": "<PullQuote> in src/content/articles/example.mdx: the quote has 2 paragraphs; a pull-quote is one short passage from the article, set in one paragraph.",
        "name": "AstroUserError",
      }
    `);
  });

  it('refuses a link, which would be focusable inside a figure hidden from screen readers', async () => {
    const quote = '<p>Azerbaijan is a <a href="https://example.org/">strategic partner</a></p>';
    expect(await errorOf(render({ speaker: 'Eli Cohen' }, quote))).toMatchInlineSnapshot(`
      {
        "hint": "Keep the link in the article's text and quote the words without it, e.g. <PullQuote speaker="Eli Cohen">Azerbaijan is a strategic partner of Israel</PullQuote>",
        "message": "<PullQuote> in src/content/articles/example.mdx: the quote has a link; a pull-quote repeats words from the article and is hidden from screen readers, so a link in it could be reached with the keyboard but never announced.",
        "name": "AstroUserError",
      }
    `);
  });

  it('rejects a pull-quote without a speaker, naming the file, the prop and the fix', async () => {
    expect(await errorOf(render({}, 'Words'))).toMatchInlineSnapshot(`
      {
        "hint": "Fix the <PullQuote> in src/content/articles/example.mdx. See "Components (no import line needed)" in docs/writing.md for its props.",
        "message": "<PullQuote> in src/content/articles/example.mdx: prop "speaker" is required: who said the words, e.g. speaker="Eli Cohen".",
        "name": "AstroUserError",
      }
    `);
  });

  it('rejects an empty speaker, an unknown prop and a pull-quote with no words', async () => {
    expect(await errorOf(render({ speaker: ' ', quote: 'x' }, 'Words'))).toMatchInlineSnapshot(`
      {
        "hint": "Fix the <PullQuote> in src/content/articles/example.mdx. See "Components (no import line needed)" in docs/writing.md for its props.",
        "message": "<PullQuote> in src/content/articles/example.mdx: prop "speaker" must not be empty: who said the words, e.g. speaker="Eli Cohen" (received " "); unknown prop "quote".",
        "name": "AstroUserError",
      }
    `);
    expect(await errorOf(render({ speaker: 'Eli Cohen' }, '<p>  </p>'))).toMatchInlineSnapshot(`
      {
        "hint": "Put the quoted words inside it, e.g. <PullQuote speaker="Eli Cohen">Azerbaijan is a strategic partner of Israel</PullQuote>",
        "message": "<PullQuote> in src/content/articles/example.mdx: there is nothing between its tags.",
        "name": "AstroUserError",
      }
    `);
  });

  it('says the article is unknown, not "an article", when rendered without Astro.locals.articleSource', async () => {
    // Arrange: rendered as nothing in the site renders it, outside ArticleBody.astro
    const rendered = container.renderToString(PullQuote, { props: {}, slots: { default: 'Words' } });
    // Act / assert: a broken invariant (a plain Error), still carrying the author's mistake
    expect(await errorOf(rendered)).toMatchInlineSnapshot(`
      {
        "message": "<PullQuote> has a mistake, but Astro.locals.articleSource is not set, so the error cannot name the article: render article bodies through ArticleBody.astro, which sets it. The mistake: prop "speaker" is required: who said the words, e.g. speaker="Eli Cohen". Fix the <PullQuote>. See "Components (no import line needed)" in docs/writing.md for its props.",
        "name": "Error",
      }
    `);
  });
});
