/**
 * The names of the components an article may use in MDX, in one plain list: the content loader's
 * allow-list (src/lib/authoring/mdx-allow-list.ts) reads it without importing the `.astro` files,
 * and the map in `index.ts` must have exactly these keys (its `satisfies` and a unit test say so).
 */
export const MDX_COMPONENT_NAMES = ['Figure', 'PullQuote', 'Tweet', 'Update'] as const;

/** One of {@link MDX_COMPONENT_NAMES}. */
export type MdxComponentName = (typeof MDX_COMPONENT_NAMES)[number];
