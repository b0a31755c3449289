import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The site's design tokens as `src/styles/global.css` declares them (`@layer tokens`), for what
 * is drawn outside CSS: the social card. The stylesheet stays the one place a colour is set, so
 * the card cannot drift from the pages.
 */

/** The colour tokens the card uses, by their CSS names. */
export const CARD_COLOUR_TOKENS = [
  '--color-bg',
  '--color-text',
  '--color-muted',
  '--color-rule',
  '--color-accent',
] as const;
/** One of {@link CARD_COLOUR_TOKENS}. */
export type ColourToken = (typeof CARD_COLOUR_TOKENS)[number];

/**
 * The light scheme's custom properties from a stylesheet: the first `:root { … }` inside
 * `@layer tokens` (the dark scheme's comes later, inside a media query).
 * @param css the stylesheet's text
 * @throws when the stylesheet has no tokens layer or a wanted token is missing
 */
export function lightTokens<T extends string>(css: string, names: readonly T[]): Record<T, string> {
  const layer = css.indexOf('@layer tokens {');
  const root = layer < 0 ? null : /:root\s*\{([^}]*)\}/.exec(css.slice(layer));
  if (!root?.[1]) throw new Error('design tokens: no `:root { … }` in `@layer tokens` of global.css');
  const declared = new Map(
    [...root[1].matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map(([, name = '', value = '']) => [
      name,
      value.trim(),
    ]),
  );
  const out = {} as Record<T, string>;
  for (const name of names) {
    const value = declared.get(name);
    if (value === undefined)
      throw new Error(`design tokens: ${name} is not declared in global.css's light :root`);
    out[name] = value;
  }
  return out;
}

/** The project root: Astro builds (and Vitest runs) from there, while bundling moves `import.meta.url`. */
const root = pathToFileURL(`${process.cwd()}/`);

/** The card's colours, read once per process from `src/styles/global.css`. */
export function cardColours(): Record<ColourToken, string> {
  cached ??= lightTokens(
    readFileSync(fileURLToPath(new URL('./src/styles/global.css', root)), 'utf8'),
    CARD_COLOUR_TOKENS,
  );
  return cached;
}
let cached: Record<ColourToken, string> | undefined;
