import GithubSlugger from 'github-slugger';
import { defineHastPlugin, type HastPluginDefinition } from 'satteri';
import { isPageId } from './page-ids.ts';

/** What an id given to a heading in place of a page's own id starts with; no page id does. */
export const HEADING_PREFIX = 'heading-';

/**
 * A plugin for Sätteri (astro.config.mjs → `markdown.processor`) that gives an article's headings
 * their ids, as Astro would (the same slugger, github-slugger, on the heading's text: "## The
 * vote" is `#the-vote`, a second one `#the-vote-1`), except that an id the page gives its own
 * parts ({@link isPageId}: `main`, `corrections`, `notice-1`, …) is taken by the page: such a
 * heading gets it with {@link HEADING_PREFIX} before it ("## Corrections" is
 * `#heading-corrections`). Astro keeps an id a heading already has, so its own heading-id step
 * (which runs after this one) and the `headings` it lists agree with these.
 *
 * A factory: each document gets a fresh slugger, so numbering restarts in each article.
 */
export const headingIdsPlugin = (): HastPluginDefinition => {
  const slugger = new GithubSlugger();
  return defineHastPlugin({
    name: 'news-heading-ids',
    element: {
      filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
      visit(node, context) {
        if (typeof node.properties.id === 'string') return;
        const id = slugger.slug(context.textContent(node));
        context.setProperty(node, 'id', isPageId(id) ? slugger.slug(`${HEADING_PREFIX}${id}`) : id);
      },
    },
  });
};
