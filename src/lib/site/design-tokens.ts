import { readFileSync } from 'node:fs';
import { fromRoot } from './project-root.ts';

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

/**
 * The dark scheme's custom properties: the `:root { … }` inside `@layer tokens`'s
 * `@media (prefers-color-scheme: dark)`.
 * @throws when there is none or a wanted token is missing
 */
export function darkTokens<T extends string>(css: string, names: readonly T[]): Record<T, string> {
  const layer = css.indexOf('@layer tokens {');
  const media = layer < 0 ? -1 : css.indexOf('@media (prefers-color-scheme: dark)', layer);
  if (media < 0) throw new Error('design tokens: no dark scheme in `@layer tokens` of global.css');
  // Reuse the light reader on the text from the dark media query on: its first :root is the dark one.
  return lightTokens(`@layer tokens {${css.slice(media)}`, names);
}

const readGlobalCss = () => readFileSync(fromRoot('./src/styles/global.css'), 'utf8');

/** The card's colours, read once per process from `src/styles/global.css`. */
export function cardColours(): Record<ColourToken, string> {
  cached ??= lightTokens(readGlobalCss(), CARD_COLOUR_TOKENS);
  return cached;
}
let cached: Record<ColourToken, string> | undefined;

/** The dark scheme's colours, for the band a photo card sets its headline on. */
export function cardDarkColours(): Record<ColourToken, string> {
  cachedDark ??= darkTokens(readGlobalCss(), CARD_COLOUR_TOKENS);
  return cachedDark;
}
let cachedDark: Record<ColourToken, string> | undefined;
