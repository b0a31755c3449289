import { readFileSync } from 'node:fs';
import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { markdownToHtml } from 'satteri';
import { beforeAll, describe, expect, it } from 'vitest';
import CorrectionNotices from '../../src/components/article/CorrectionNotices.astro';
import { headingIdsPlugin } from '../../src/lib/articles/heading-ids';
import { isPageId } from '../../src/lib/articles/page-ids';
import { parseFragment } from '../helpers/html';

/**
 * A heading's id is made from its words (Astro's Markdown processor); the article page gives ids
 * of its own to its parts (`#main`, `#corrections`, `#notice-1`, …). Two elements with one id are
 * invalid HTML, and a link to `#corrections` would land on the heading.
 */

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

/**
 * The fixture's headings as the site compiles them: the site's plugin, then Astro's own heading-id
 * step, in the order Astro runs them (user plugins first). The build test in
 * tests/build/photo-output.test.ts checks a whole article page.
 */
const compiled = async () =>
  (
    await markdownToHtml(readFileSync(new URL('../fixtures/heading-ids.mdx', import.meta.url), 'utf8'), {
      hastPlugins: [headingIdsPlugin, satteriHeadingIdsPlugin()],
    })
  ).html;

const idsOf = (html: string, selector: string) =>
  [...parseFragment(html).querySelectorAll(selector)].map((element) => element.id);

describe('heading ids', () => {
  it('never take an id the article page gives its own parts, and stay unique', async () => {
    const ids = idsOf(await compiled(), 'h2');
    expect(ids).toMatchInlineSnapshot(`
      [
        "heading-corrections",
        "heading-clarifications",
        "heading-notice-1",
        "notice",
        "heading-notice-2",
        "heading-main",
        "heading-more-in-section",
        "corrections-1",
        "the-vote",
      ]
    `);
    expect(ids.filter(isPageId)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('are kept apart from every id the correction notices use', async () => {
    const html = await container.renderToString(CorrectionNotices, {
      props: {
        place: 'top',
        corrections: [
          { date: new Date('2024-06-12'), kind: 'correction', text: 'Fixed.' },
          { date: new Date('2024-06-13'), kind: 'clarification', text: 'Clearer.' },
        ],
      },
    });
    const end = await container.renderToString(CorrectionNotices, {
      props: {
        place: 'end',
        corrections: [
          { date: new Date('2024-06-12'), kind: 'correction', text: 'Fixed.' },
          { date: new Date('2024-06-13'), kind: 'clarification', text: 'Clearer.' },
        ],
      },
    });
    const ids = [...idsOf(html, '[id]'), ...idsOf(end, '[id]')];
    expect(ids).toEqual(['corrections', 'notice-1', 'clarifications', 'notice-2']);
    expect(ids.filter((id) => !isPageId(id))).toEqual([]);
  });
});
