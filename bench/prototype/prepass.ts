/**
 * The pre-pass's renderer, loaded inside Astro's Vite server by prerender.mjs: one article's body
 * through the same `<Content components={mdxComponents} />` the site's ArticleBody.astro renders,
 * with the same checks, in Astro's container. Only `<Photo>` is left as a slot (PhotoSlot.astro).
 */
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { ImageMetadata, MarkdownHeading } from 'astro';
import { loadRenderers } from 'astro:container';
import { mdxComponents } from '../../src/components/mdx';
import StoredBody from './StoredBody.astro';

/** What an MDX module exports that the stored entry keeps. */
interface MdxModule {
  default: Parameters<AstroContainer['renderToString']>[0];
  frontmatter: Record<string, unknown>;
  getHeadings(): MarkdownHeading[];
}

/** A body as the store keeps it: Astro's `rendered` shape. */
export interface RenderedBody {
  html: string;
  metadata: { headings: MarkdownHeading[]; frontmatter: Record<string, unknown> };
}

let container: Promise<AstroContainer> | undefined;

/**
 * Renders one article's body.
 * @param module the article's MDX module, as Vite loaded it
 * @param source the article's path from the project root, for messages and slots
 * @param slots whether pictures are left as slots (the pre-pass) or rendered (today's path)
 */
export async function renderBody(module: MdxModule, source: string, slots: boolean): Promise<RenderedBody> {
  container ??= loadRenderers([getContainerRenderer()]).then((renderers) =>
    AstroContainer.create({ renderers }),
  );
  // The body's allow-list (src/lib/authoring/mdx-allow-list.ts) has run as the file loaded.
  const html = await (
    await container
  ).renderToString(module.default, {
    props: { components: mdxComponents },
    locals: { articleSource: source, ...(slots ? { newsPhotoSlots: true } : {}) },
  });
  // As `render()` gives an MDX entry today: the file's frontmatter with what plugins added to it
  // (the word count), and the headings with their ids.
  return { html, metadata: { headings: module.getHeadings(), frontmatter: module.frontmatter } };
}

/**
 * Renders a stored body as a page would: its HTML, with `<Photo>` at each picture slot
 * (StoredBody.astro). compare.mjs uses it to check the result against today's rendering.
 * @param images each slot's image by its path as written, as astro:assets imported it
 */
export async function assembleBody(
  html: string,
  images: Record<string, ImageMetadata>,
  source: string,
): Promise<string> {
  container ??= loadRenderers([getContainerRenderer()]).then((renderers) =>
    AstroContainer.create({ renderers }),
  );
  return (await container).renderToString(StoredBody, { props: { html, images, source } });
}
