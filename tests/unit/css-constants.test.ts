import { describe, expect, it } from 'vitest';
import { cssConstantsPlugin } from '../../src/lib/site/css-constants';

/** A declaration as PostCSS hands it to the plugin, after the plugin has seen it. */
function written(prop: string, value: string, constants: Record<string, string>) {
  const declaration = { prop, value };
  cssConstantsPlugin(constants).Declaration(declaration);
  return declaration.value;
}

describe('cssConstantsPlugin', () => {
  it("writes a constant's value in place of its var(--ts-…)", () => {
    expect(written('max-block-size', 'var(--ts-portrait-max-vh)', { '--ts-portrait-max-vh': '80vh' })).toBe(
      '80vh',
    );
    expect(
      written('inline-size', 'calc(var( --ts-a ) + var(--ts-b))', { '--ts-a': '1px', '--ts-b': '2px' }),
    ).toBe('calc(1px + 2px)');
  });

  it('leaves the custom properties of the design tokens alone', () => {
    expect(written('color', 'var(--color-text)', {})).toBe('var(--color-text)');
  });

  it('fails the build on a constant it does not know, naming it and the known ones', () => {
    expect(() =>
      written('max-block-size', 'var(--ts-portrait-max)', { '--ts-portrait-max-vh': '80vh' }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[Error: css constants: max-block-size names var(--ts-portrait-max), which src/lib/site/css-constants.ts does not declare (known: --ts-portrait-max-vh)]`,
    );
  });

  it('fails the build on a constant named with a fallback, which it would not write in', () => {
    expect(() =>
      written('max-block-size', 'var(--ts-portrait-max-vh, 80vh)', { '--ts-portrait-max-vh': '80vh' }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[Error: css constants: max-block-size: var(--ts-portrait-max-vh, 80vh) names a --ts- constant in a form the build does not write in; use var(--ts-<name>) with no fallback]`,
    );
  });
});
