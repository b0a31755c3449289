/**
 * The pre-pass's renderer, loaded once inside Astro's Vite server by scripts/render-bodies.mjs:
 * it turns one body, compiled by the site's own MDX processor (Sätteri with the site's plugins,
 * as @astrojs/mdx compiles it in a build), into HTML through the same
 * `<Content components={mdxComponents} />` that ArticleBody.astro renders, with the same props
 * checks and messages, in Astro's container. Only the pictures are left as slots
 * (src/lib/bodies/slots.ts).
 *
 * The compiled module is evaluated here, with the server's own runtime and components, rather
 * than loaded through Vite as a module: Vite's per-module work (its plugins' transforms, the SSR
 * transform, the module graph) was 90% of a body's time and grew the graph with every body
 * (docs/archive-rendering.md). What is evaluated is the processor's output for a body that has
 * passed the allow-list (src/lib/authoring/mdx-allow-list.ts): no code of the author's, only
 * literals, the site's components and Markdown; scripts/render-bodies.mjs checks it first.
 */
import * as jsxRuntime from 'astro/jsx-runtime';
// Exported by Astro's runtime (every compiled MDX module imports it) but not in its types.
// @ts-expect-error -- see above
import { __astro_tag_component__ as tagComponent } from 'astro/runtime/server/index.js';
import { init, parse } from 'es-module-lexer';
import { mdxComponents } from '../../components/mdx';
import ImageSlot from '../../components/body/ImageSlot.astro';
import type { RenderedBody } from './cache';
import { slotImages } from './slots';
import { renderInContainer } from '../site/container';

/** What the compiled body defines, which the stored entry keeps or renders. */
interface CompiledBody {
  MDXContent: (props: Record<string, unknown>) => unknown;
  frontmatter: Record<string, unknown>;
  getHeadings(): RenderedBody['metadata']['headings'];
}

/** One import statement of the compiled body: `import x from "…"`, `import { a as b } from "…"`. */
const IMPORT_STATEMENT = /^import\s+(?:(\w+)|\{([^}]*)\})\s+from\s+(["'])(.+)\3;?$/s;

/**
 * The compiled module as the body of a function: each import becomes a binding from `__imports`,
 * each `export` keyword goes, and the function returns what the module exported.
 * es-module-lexer finds the real import and export statements, never text in a string.
 */
function asFunctionBody(code: string): { body: string; specifiers: string[] } {
  const [imports, exports] = parse(code);
  const edits: { start: number; end: number; text: string }[] = [];
  const specifiers: string[] = [];
  for (const statement of imports) {
    if (statement.d !== -1 || statement.n === undefined) {
      throw new Error(`The compiled body has a dynamic import (${code.slice(statement.ss, statement.se)})`);
    }
    const text = code.slice(statement.ss, statement.se);
    const match = IMPORT_STATEMENT.exec(text);
    if (!match) throw new Error(`The compiled body has an import this renderer does not read: ${text}`);
    const [, defaultName, named] = match;
    const index = specifiers.push(statement.n) - 1;
    const bindings = defaultName
      ? `{ default: ${defaultName} }`
      : `{ ${(named ?? '').replace(/\b(\w+)\s+as\s+(\w+)/g, '$1: $2')} }`;
    edits.push({ start: statement.ss, end: statement.se, text: `const ${bindings} = __imports[${index}];` });
  }
  for (const name of exports) {
    const keyword = code.lastIndexOf('export', name.ls);
    if (keyword < 0 || !/^export\s+(const|function)\s/.test(code.slice(keyword, name.ls))) {
      throw new Error(`The compiled body has an export this renderer does not read: ${name.n}`);
    }
    edits.push({ start: keyword, end: keyword + 'export'.length, text: '' });
  }
  let body = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    body = body.slice(0, edit.start) + edit.text + body.slice(edit.end);
  }
  return { body: `${body}\nreturn { MDXContent, frontmatter, getHeadings };`, specifiers };
}

/**
 * What each import of the compiled body gets: Astro's JSX runtime (the instance this server's
 * components render with), the Markdown pictures' `<Image>` as a slot, and each picture the body
 * names, imported through Vite (astro:assets' metadata, with the file's size checked).
 */
async function importsOf(specifiers: readonly string[], file: string): Promise<unknown[]> {
  return Promise.all(
    specifiers.map(async (specifier) => {
      if (specifier === 'astro/jsx-runtime') return jsxRuntime;
      if (specifier === 'astro:assets') return { Image: ImageSlot };
      if (/^\.\.?\//.test(specifier)) {
        return import(/* @vite-ignore */ new URL(specifier, `file://${file}`).pathname);
      }
      throw new Error(`The compiled body imports ${specifier}, which a body may not`);
    }),
  );
}

/**
 * Renders one body.
 * @param code the body as the site's MDX processor compiled it
 * @param file the article's file, absolute
 * @param source the article's file from the project root, for messages and slots
 */
export async function renderCompiled(code: string, file: string, source: string): Promise<RenderedBody> {
  await init;
  const { body, specifiers } = asFunctionBody(code);
  const imports = await importsOf(specifiers, file);
  // The processor's output for a body the allow-list passed (see above).
  const compiled = new Function('__imports', body)(imports) as CompiledBody;
  // As @astrojs/mdx's post-processing wraps every MDX module's default export.
  const Content = (props: { components?: Record<string, unknown> } = {}) =>
    compiled.MDXContent({
      ...props,
      components: {
        Fragment: jsxRuntime.Fragment,
        ...props.components,
        'astro-image': props.components?.['img'] ?? ImageSlot,
      },
    });
  Object.assign(Content, {
    [Symbol.for('mdx-component')]: true,
    [Symbol.for('astro.needsHeadRendering')]: true,
    moduleId: file,
  });
  (tagComponent as (component: unknown, renderer: string) => void)(Content, 'astro:jsx');
  const html = await renderInContainer(Content as Parameters<typeof renderInContainer>[0], {
    props: { components: mdxComponents },
    locals: { articleSource: source },
  });
  return {
    html,
    metadata: {
      headings: compiled.getHeadings(),
      frontmatter: compiled.frontmatter,
      pictures: slotImages(html),
    },
  };
}
