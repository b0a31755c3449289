import { AstroError } from 'astro/errors';

/**
 * Fails with a clear message when an article uses a component that is not in the map handed to
 * MDX. (MDX's own error, "Expected component `X` to be defined", names neither the article nor
 * the components that do exist.) Code blocks and inline code are skipped: `<Foo>` there is text.
 * @param body the article's raw MDX
 * @param file the article's path, e.g. "src/content/articles/x.mdx"
 * @param known the names authors may use, e.g. ["PullQuote", "Tweet"]
 */
export function assertKnownComponents(body: string, file: string, known: readonly string[]): void {
  const prose = body.replace(/^(```|~~~)[\s\S]*?^\1/gm, '').replace(/`[^`\n]*`/g, '');
  const used = new Set([...prose.matchAll(/<([A-Z][A-Za-z0-9]*)[\s/>]/g)].map((m) => m[1] ?? ''));
  const unknown = [...used].filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new AstroError(
      `${file} uses ${unknown.map((n) => `<${n}>`).join(', ')}, which ${unknown.length > 1 ? 'are not components' : 'is not a component'} articles can use.`,
      `Articles can use ${new Intl.ListFormat('en', { type: 'conjunction' }).format(known.map((n) => `<${n}>`))} without an import. To add one, see "Adding an MDX component" in CONTRIBUTING.md.`,
    );
  }
}
