declare namespace App {
  interface Locals {
    /**
     * The MDX file being rendered (e.g. "src/content/articles/x.mdx"), set by whatever renders an
     * article's Content, so that MDX components can name it in their build errors.
     */
    articleSource?: string | undefined;
  }
}
