import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineMdastPlugin, type MdastPluginInstance, type MdastVisitorContext } from 'satteri';
import { authoringError } from '../authoring/problem.ts';
import { extensionProblem } from './rules.ts';

/**
 * The props of MDX components that take an image next to the article, written as a relative path:
 * `<Figure src="./harvest/map.png">`, `<Tweet media="./harvest/post.jpg">`.
 */
export const LOCAL_IMAGE_PROPS: Readonly<Record<string, string>> = { Figure: 'src', Tweet: 'media' };

declare module 'satteri' {
  interface DataMap {
    /** The images this document imports: [import name, path as written]. */
    newsLocalImages?: [string, string][];
  }
}

/** A path relative to the article's file ("./x.png", "../x.png"); URLs and absolute paths are not. */
const isRelativePath = (value: string) => /^\.\.?\//.test(value);

/** A component in the body, as a block or inline. */
type ElementNode =
  | Parameters<NonNullable<MdastPluginInstance['mdxJsxFlowElement']>>[0]
  | Parameters<NonNullable<MdastPluginInstance['mdxJsxTextElement']>>[0];

/**
 * A plugin for Sätteri (astro.config.mjs → `markdown.processor`) that turns a relative image path
 * on a {@link LOCAL_IMAGE_PROPS} prop into an import of that file, as Markdown's `![](./x.png)`
 * is. The component then receives the image's metadata and renders it with `astro:assets`
 * (responsive, in modern formats), and Vite resolves the file from the article's folder. A path
 * that names no file fails here, with the article, the line, the prop and the path it looked for.
 */
export const localImagesPlugin = defineMdastPlugin({
  name: 'news-local-images',
  mdxJsxFlowElement: importLocalImage,
  mdxJsxTextElement: importLocalImage,
  after(root, context) {
    const imports = context.data.newsLocalImages ?? [];
    for (const [name, path] of imports.toReversed()) {
      context.prependChild(root, { type: 'mdxjsEsm', value: `import ${name} from ${JSON.stringify(path)};` });
    }
  },
});

function importLocalImage(node: ElementNode, context: MdastVisitorContext): void {
  const prop = node.name ? LOCAL_IMAGE_PROPS[node.name] : undefined;
  if (!prop) return;
  let changed = false;
  const attributes = node.attributes.map((attribute) => {
    if (attribute.type !== 'mdxJsxAttribute' || attribute.name !== prop) return attribute;
    const value = attribute.value;
    if (typeof value !== 'string' || !isRelativePath(value)) return attribute; // the component's schema says why
    checkImageFile(node.name ?? '', prop, value, context);
    const imports = (context.data.newsLocalImages ??= []);
    const name = `__newsLocalImage${imports.length}`;
    imports.push([name, value]);
    changed = true;
    return {
      type: 'mdxJsxAttribute' as const,
      name: prop,
      value: { type: 'mdxJsxAttributeValueExpression' as const, value: name },
    };
  });
  if (changed) context.replaceNode(node, { ...node, attributes });
}

/** Fails the build unless `value` names a JPEG, PNG, WebP or AVIF file next to the article. */
function checkImageFile(component: string, prop: string, value: string, context: MdastVisitorContext): void {
  const article = context.fileURL ? fileURLToPath(context.fileURL) : undefined;
  if (!article) return;
  const file = relative(process.cwd(), article);
  // Where the prop is written in the source, for the message and the error's location.
  const at = context.source.indexOf(`${prop}="${value}"`);
  const before = context.source.slice(0, Math.max(at, 0)).split('\n');
  const place = at < 0 ? {} : { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
  const extension = extensionProblem(value);
  if (extension) {
    throw authoringError(file, {
      ...place,
      component,
      message: `${prop} "${value}" ${extension}.`,
      hint: `Fix the ${prop} of the <${component}>.`,
    });
  }
  const resolved = resolve(dirname(article), value);
  if (!existsSync(resolved)) {
    throw authoringError(file, {
      ...place,
      component,
      message: `${prop} "${value}" does not exist: looked for ${relative(process.cwd(), resolved)}`,
      hint: `Put the image there, or correct the path (it is relative to ${file}).`,
    });
  }
}
