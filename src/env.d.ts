declare namespace App {
  interface Locals {
    /**
     * The MDX file being rendered (e.g. "src/content/articles/x.mdx"), set by whatever renders an
     * article's Content, so that MDX components can name it in their build errors.
     */
    articleSource?: string | undefined;
    /**
     * The live page being rendered (its `coverage`, `published` and updates), set by
     * ArticleBody.astro for an article with coverage, undefined for any other: `<Update>` reads it
     * to place "Key events" before the first update it shows.
     */
    // eslint-disable-next-line @typescript-eslint/consistent-type-imports -- a global declaration file: a top-level import would make it a module and hide App from the rest
    live?: import('./lib/live/context').LiveContext | undefined;
  }
}

/**
 * Astro's content layer's images (internal to Astro): every image an entry lists in `assetImports`,
 * imported through astro:assets, by `imageSrcToImportId` (src/lib/bodies/stored.ts). Read by
 * StoredBody.astro for the pictures of a body rendered ahead of time.
 */
declare module 'astro:asset-imports' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports -- a global declaration file (see above)
  const images: Map<string, import('astro').ImageMetadata>;
  export default images;
}
