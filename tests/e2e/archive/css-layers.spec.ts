import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { LAYERS } from '../../../src/styles/layers';
import { ARTICLE_ID, paths } from '../../helpers/site';

/**
 * The cascade is ordered by layers (src/styles/layers.ts, src/styles/global.css): every rule of
 * ours sits in a declared layer, so a utility beats a component rule whatever the specificity,
 * and no stylesheet can reorder the layers by loading first. Checked in Chromium's own CSSOM on
 * every kind of page the example archive has.
 */
const PAGES = [
  paths.home(),
  paths.article(ARTICLE_ID),
  paths.section('middle-east'),
  paths.topics(),
  paths.topic('diplomacy'),
  paths.source('jns'),
  paths.archive(),
  paths.archiveYear('2024'),
  paths.search(),
  '/no-such-page/',
];

/** What may stand outside a layer: Astro's own font declarations (@font-face, and :root font variables). */
function isAstroFontRule(rule: {
  type: string;
  selector: string | undefined;
  properties: string[] | undefined;
}): boolean {
  if (rule.type === 'CSSFontFaceRule') return true;
  return (
    rule.type === 'CSSStyleRule' &&
    rule.selector === ':root' &&
    (rule.properties ?? []).every((name) => name.startsWith('--font-'))
  );
}

for (const path of PAGES) {
  test(`every style on ${path} is in a declared layer, in the declared order`, async ({ page }) => {
    await page.goto(path);
    const sheets = await page.evaluate(() =>
      [...document.styleSheets].map((sheet) =>
        [...sheet.cssRules].map((rule) => ({
          type: rule.constructor.name,
          names: rule instanceof CSSLayerStatementRule ? [...rule.nameList] : [],
          selector: rule instanceof CSSStyleRule ? rule.selectorText : undefined,
          properties: rule instanceof CSSStyleRule ? [...rule.style] : undefined,
          text: rule.cssText.slice(0, 120),
        })),
      ),
    );
    // The first rule of the first stylesheet fixes the order of all layers.
    expect(sheets[0]?.[0]?.names, 'the first stylesheet declares the layer order').toEqual([...LAYERS]);
    const unlayered = sheets.flat().filter(
      (rule) =>
        !['CSSLayerStatementRule', 'CSSLayerBlockRule'].includes(rule.type) &&
        // `@media print { @layer base { … } }` keeps its rules in a layer.
        !(rule.type === 'CSSMediaRule' && /^@media [^{]+\{\s*@layer [\w-]+ \{/.test(rule.text)) &&
        !isAstroFontRule(rule),
    );
    expect(unlayered.map((rule) => rule.text)).toEqual([]);
  });
}

test('Pagefind’s UI styles are the copy in src/styles/vendor/, layered', () => {
  // Pagefind writes pagefind-ui.css only when it indexes a built site, so the page imports a
  // copy wrapped in `@layer vendor`; after a Pagefind upgrade the built file differs: copy it again.
  const built = readFileSync(
    new URL('../../../dist-fixtures/pagefind/pagefind-ui.css', import.meta.url),
    'utf8',
  );
  const vendored = readFileSync(
    new URL('../../../src/styles/vendor/pagefind-ui.css', import.meta.url),
    'utf8',
  );
  const inner = /\n@layer vendor \{\n([\s\S]*)\n\}\n$/.exec(vendored)?.[1];
  expect(inner?.trim(), 'src/styles/vendor/pagefind-ui.css is `@layer vendor { <pagefind-ui.css> }`').toBe(
    built.trim(),
  );
});
