import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CARD_COLOUR_TOKENS, cardColours, lightTokens } from '../../src/lib/site/design-tokens';
import {
  FONT_FAMILIES,
  HEBREW,
  SERIF,
  SUBSET_DIR,
  fontFile,
  fontSubsets,
  LATIN_TEXT_RANGE,
  rangeIncludes,
  subsetFile,
  webFontVariants,
  type FontSubset,
} from '../../src/lib/site/fonts';

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
  it('name each family’s Fontsource file once, for the card (WOFF) and as the source of the pages’ subset', () => {
    expect(fontFile(SERIF, 700, 'woff2')).toBe(
      './node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff2',
    );
    expect(fontFile(HEBREW, 400, 'woff')).toBe(
      './node_modules/@fontsource/noto-serif-hebrew/files/noto-serif-hebrew-hebrew-400-normal.woff',
    );
  });

  it('read a unicode-range as browsers do: single code points and inclusive ranges', () => {
    expect(rangeIncludes('U+0020-007E,U+00B7', 0x20)).toBe(true);
    expect(rangeIncludes('U+0020-007E,U+00B7', 0x7e)).toBe(true);
    expect(rangeIncludes('U+0020-007E,U+00B7', 0xb7)).toBe(true);
    expect(rangeIncludes('U+0020-007E,U+00B7', 0xb6)).toBe(false);
    expect(rangeIncludes(LATIN_TEXT_RANGE, '’'.codePointAt(0) ?? 0)).toBe(true);
    expect(rangeIncludes(LATIN_TEXT_RANGE, 'é'.codePointAt(0) ?? 0)).toBe(false);
  });

  it('serve the pages the checked-in WOFF2 subsets', () => {
    expect(subsetFile(SERIF, 700)).toBe('./src/fonts/source-serif-4-700.woff2');
    for (const family of FONT_FAMILIES) {
      for (const variant of webFontVariants(family)) {
        expect(variant.src[0], family.name).toBe(subsetFile(family, variant.weight));
        expect(variant.unicodeRange, family.name).toEqual([family.unicodeRange]);
        expect(readFileSync(variant.src[0]).subarray(0, 4).toString('latin1'), variant.src[0]).toBe('wOF2');
      }
    }
  });

  it('are subsets made from the installed Fontsource files, to the characters and features fonts.ts declares', () => {
    // scripts/subset-fonts.mjs records what it made each subset from; a changed range or feature
    // list, an updated @fontsource package or a hand-edited file makes this record stale.
    const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
    const manifest = JSON.parse(readFileSync(`${SUBSET_DIR}/subsets.json`, 'utf8')) as {
      subsets: (FontSubset & { sourceSha256: string; sha256: string })[];
    };
    const stale = (what: string) => `${what}: run \`npm run fonts:subset\` (scripts/subset-fonts.mjs)`;
    const recorded = manifest.subsets.map(({ file, source, unicodes, layoutFeatures }) => ({
      file,
      source,
      unicodes,
      layoutFeatures,
    }));
    expect(recorded, stale('src/fonts/subsets.json does not match src/lib/site/fonts.ts')).toEqual(
      fontSubsets(),
    );
    for (const subset of manifest.subsets) {
      expect(sha256(subset.source), stale(`${subset.source} changed since ${subset.file} was made`)).toBe(
        subset.sourceSha256,
      );
      expect(sha256(subset.file), stale(`${subset.file} is not the file subset-fonts.mjs made`)).toBe(
        subset.sha256,
      );
    }
    const files = readdirSync(SUBSET_DIR)
      .filter((name) => name.endsWith('.woff2'))
      .map((name) => `${SUBSET_DIR}/${name}`);
    expect(files.sort(), 'every WOFF2 in src/fonts/ is a declared subset').toEqual(
      fontSubsets()
        .map((subset) => subset.file)
        .sort(),
    );
  });
});
