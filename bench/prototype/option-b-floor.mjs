// The floor of option (b), components as transforms in the Markdown pipeline (no Astro runtime,
// no Vite): what compiling a body costs before any component is written as a transform. Two
// figures per body, on the same articles prerender.mjs renders:
// - mdx→js: Sätteri's MDX compile with the site's plugins, the step @astrojs/mdx runs per body
//   today (and option (a) runs inside Vite);
// - mdx→hast→html: parse to a tree, each component's props checked with its real zod schema
//   where plain Node can load it (PullQuote) and the element replaced by a string, then
//   serialized; the HTML is not the site's (that is the work option (b) would add), only its cost.
//
// CLI: node bench/prototype/option-b-floor.mjs <article files or folders…>
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { toHtml } from 'hast-util-to-html';
import { mdxToHast, mdxToJs } from 'satteri';
// The site's heading-ids.ts imports without the .ts extension plain Node needs; Astro's own
// heading-id plugin does the same work (github-slugger on each heading).
import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import { wordCountPlugin } from '../../src/lib/articles/word-count.ts';
import { PullQuoteSchema } from '../../src/schemas/pull-quote.ts';
import { articleFiles } from './prerender.mjs';

const files = articleFiles(process.argv.slice(2));
const bodies = files.map((file) => readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));

function replaceComponents(node) {
  if (!node.children) return;
  node.children = node.children.map((child) => {
    if (child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement') {
      const props = Object.fromEntries(
        child.attributes.filter((a) => typeof a.value === 'string').map((a) => [a.name, a.value]),
      );
      if (child.name === 'PullQuote') PullQuoteSchema.parse(props);
      return { type: 'raw', value: `<figure>${JSON.stringify(props)}</figure>` };
    }
    replaceComponents(child);
    return child;
  });
}

const time = (label, run) => {
  const t0 = performance.now();
  for (const body of bodies) run(body);
  const ms = performance.now() - t0;
  console.log(
    JSON.stringify({ step: label, bodies: bodies.length, msPerBody: +(ms / bodies.length).toFixed(3) }),
  );
};

time('mdx→js (warm-up)', (body) =>
  mdxToJs(body, {
    mdastPlugins: [wordCountPlugin],
    hastPlugins: [satteriHeadingIdsPlugin()],
    data: { astro: { frontmatter: {} } },
  }),
);
time('mdx→js', (body) =>
  mdxToJs(body, {
    mdastPlugins: [wordCountPlugin],
    hastPlugins: [satteriHeadingIdsPlugin()],
    data: { astro: { frontmatter: {} } },
  }),
);
time('mdx→hast→html', (body) => {
  const tree = mdxToHast(body, { position: false });
  replaceComponents(tree);
  toHtml(tree, { allowDangerousHtml: true });
});
