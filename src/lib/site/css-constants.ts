import { PORTRAIT_MAX_VH } from '../photos/sizes.ts';

/**
 * Values the TypeScript and the CSS must agree on, set once in TypeScript: a stylesheet names
 * one as `var(--ts-<name>)`, and the build writes the value in its place (see
 * {@link cssConstantsPlugin}), so the CSS a page gets is what it would be written by hand (no
 * custom property at run time, nothing for the CSP to allow).
 *
 * Take each value from a module the component itself imports (PORTRAIT_MAX_VH: sizes.ts, which
 * Photo.astro imports for `sizes`), never a literal here: Astro's incremental build re-renders a
 * page when its own module graph changes, and this file is only in astro.config.mjs's. Measured:
 * PORTRAIT_MAX_VH changed and changed back gives the first build's bytes; a literal here changed
 * and changed back left stale style hashes in the CSP of listing pages until `--force`.
 *
 * Plain Node runs this module too (astro.config.mjs), so runtime imports carry `.ts`.
 */
export const CSS_CONSTANTS = {
  /** Photo.astro: how tall a portrait may be drawn (`sizesFor` tells the browser the same). */
  '--ts-portrait-max-vh': `${PORTRAIT_MAX_VH}vh`,
} as const satisfies Record<`--ts-${string}`, string>;

/** What a {@link CSS_CONSTANTS} reference looks like in a declaration's value. */
const REFERENCE = /var\(\s*(--ts-[\w-]+)\s*\)/g;

/**
 * A PostCSS plugin (Vite runs it on every stylesheet, component `<style>`s included) that writes
 * each `var(--ts-<name>)` as its value from `constants`.
 * @throws when a stylesheet names a constant that `constants` lacks (a typo would else leave an
 *   undefined custom property, and the rule would silently do nothing)
 * @example cssConstantsPlugin(CSS_CONSTANTS) // `max-block-size: var(--ts-portrait-max-vh)` → `max-block-size: 80vh`
 */
export function cssConstantsPlugin(constants: Readonly<Record<string, string>>) {
  return {
    postcssPlugin: 'news-css-constants',
    Declaration(declaration: { value: string; prop: string }): void {
      if (!declaration.value.includes('--ts-')) return;
      declaration.value = declaration.value.replace(REFERENCE, (_, name: string) => {
        const value = constants[name];
        if (value === undefined)
          throw new Error(
            `css constants: ${declaration.prop} names var(${name}), which src/lib/site/css-constants.ts does not declare (known: ${Object.keys(constants).join(', ')})`,
          );
        return value;
      });
      // Any other form (a fallback, `var(--ts-x, 80vh)`, or a bare name) would reach the page as
      // an undefined custom property: refuse it rather than let the rule do nothing.
      if (declaration.value.includes('--ts-'))
        throw new Error(
          `css constants: ${declaration.prop}: ${declaration.value} names a --ts- constant in a form the build does not write in; use var(--ts-<name>) with no fallback`,
        );
    },
  };
}
