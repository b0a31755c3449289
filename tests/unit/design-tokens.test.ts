import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CARD_COLOUR_TOKENS, cardColours, lightTokens } from '../../src/lib/design-tokens';
import { FONT_FAMILIES, HEBREW, SERIF, fontFile, webFontVariants } from '../../src/lib/fonts';

describe('design tokens for the social card', () => {
  it('are the light scheme’s colours of global.css, not the dark ones', () => {
    const css = readFileSync('src/styles/global.css', 'utf8');
    const colours = cardColours();
    expect(Object.keys(colours)).toEqual([...CARD_COLOUR_TOKENS]);
    for (const [name, value] of Object.entries(colours)) {
      // Declared in the light :root, which comes before the dark scheme's media query.
      const light = css.indexOf(`${name}: ${value};`);
      expect(light, name).toBeGreaterThan(0);
      expect(light, name).toBeLessThan(css.indexOf('prefers-color-scheme: dark'));
    }
  });

  it('fail the build, naming the token, when global.css lacks one', () => {
    const css = '@layer tokens {\n  :root {\n    --color-bg: #fff;\n  }\n}';
    expect(lightTokens(css, ['--color-bg'])).toEqual({ '--color-bg': '#fff' });
    expect(() => lightTokens(css, ['--color-bg', '--color-ink'])).toThrowErrorMatchingInlineSnapshot(
      `[Error: design tokens: --color-ink is not declared in global.css's light :root]`,
    );
    expect(() => lightTokens(':root { --color-bg: #fff; }', ['--color-bg'])).toThrow(/no `:root/);
  });
});

describe('fonts', () => {
  it('name each family’s Fontsource file once, for the pages (WOFF2) and the card (WOFF)', () => {
    expect(fontFile(SERIF, 700, 'woff2')).toBe(
      './node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff2',
    );
    expect(fontFile(HEBREW, 400, 'woff')).toBe(
      './node_modules/@fontsource/noto-serif-hebrew/files/noto-serif-hebrew-hebrew-400-normal.woff',
    );
    for (const family of FONT_FAMILIES) {
      for (const variant of webFontVariants(family)) {
        expect(readFileSync(variant.src[0]).subarray(0, 4).toString('latin1'), variant.src[0]).toBe('wOF2');
      }
    }
  });
});
