import { readFileSync } from 'node:fs';
import { expect, type Page, type Route } from '@playwright/test';
import { headersFor, parseHeadersFile } from './headers';

// Playwright helpers for the site's own fonts: open a page with them loaded, and check, through
// the DevTools protocol, that Chromium drew the text in them (before a screenshot).

/**
 * The faces Chromium draws the site's text in, by the PostScript name inside each font file (what
 * `CSS.getPlatformFontsForNode` reports). Source Sans 3's file from @fontsource names its 400
 * instance "ExtraLight-Regular" (the variable font's default name); it is the 400 face.
 */
export const SITE_FACES = {
  serif: 'SourceSerif4-Regular',
  serifBold: 'SourceSerif4-Bold',
  sans: 'SourceSans3ExtraLight-Regular',
  hebrewBold: 'NotoSerifHebrew-Bold',
} as const;

/** An element whose text must be drawn in exactly these faces (any order). */
export interface DrawnIn {
  /** A CSS selector; its first match is checked. */
  selector: string;
  faces: readonly (typeof SITE_FACES)[keyof typeof SITE_FACES][];
}

/** The page chrome every page has: the site name (serif 700) and the section links (sans). */
const CHROME: readonly DrawnIn[] = [
  { selector: '.site-name', faces: [SITE_FACES.serifBold] },
  { selector: '.site-header nav a', faces: [SITE_FACES.sans] },
];

const FONT_FILES = '**/_astro/fonts/**';
/** The response headers of the production host (Netlify, Cloudflare Pages): public/_headers. */
const PRODUCTION_HEADERS = parseHeadersFile(
  readFileSync(new URL('../../public/_headers', import.meta.url), 'utf8'),
);

/** Serves a font file with the headers the production host adds to it (a year, immutable). */
async function serveAsProductionHost(route: Route): Promise<void> {
  const response = await route.fetch();
  const { pathname } = new URL(route.request().url());
  await route.fulfill({
    response,
    headers: { ...response.headers(), ...headersFor(PRODUCTION_HEADERS, pathname) },
  });
}

/**
 * Opens a page with the site's fonts already in the browser's memory cache, as on a reader's
 * second page view. The fonts use `font-display: optional`: a font that misses its ~100 ms block
 * period is not used for that page load (which keeps layout shift at zero for readers), and on a
 * loaded test machine even a font from localhost can miss it.
 *
 * `astro preview` sends `Cache-Control: no-cache`, so a reload asks the server again (a 304 round
 * trip) and the race stays open; serving the files from memory via `page.route` alone does not
 * close it either (the interception is itself a round trip through this process). So the first
 * load gets the font files with the production headers (`public/_headers`: `max-age=31536000,
 * immutable`), the route is removed (Playwright turns the HTTP cache off while any route is
 * set), and the second load finds every font in Chromium's memory cache: loaded before the first
 * layout, with no timer to miss. {@link expectSiteFontsDrawn} then checks what was drawn.
 */
export async function gotoWithFonts(page: Page, path: string): Promise<void> {
  expect(
    headersFor(PRODUCTION_HEADERS, '/_astro/fonts/any.woff2')['cache-control'],
    'public/_headers must let browsers keep the font files (gotoWithFonts relies on it)',
  ).toMatch(/max-age=[1-9]/);
  await page.route(FONT_FILES, serveAsProductionHost);
  // `goto` resolves on the load event, which waits for the font preloads.
  await page.goto(path);
  await page.evaluate(() => document.fonts.ready);
  await page.unroute(FONT_FILES, serveAsProductionHost);
  await page.goto(path);
  await page.evaluate(() => document.fonts.ready);
}

/** A DOM node as `DOM.getDocument` returns it (the fields used here). */
interface DomNode {
  nodeId: number;
  nodeType: number;
  localName: string;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
}

/** One face Chromium used for a node's text (`CSS.PlatformFontUsage`). */
interface PlatformFont {
  familyName: string;
  postScriptName: string;
  isCustomFont: boolean;
  glyphCount: number;
}

/**
 * Checks, through the DevTools protocol, which fonts Chromium actually drew the page's text in:
 * no text anywhere may be drawn in a system font (the site's fallback faces), and each element in
 * `drawnIn` (plus the site name and section links) must be drawn in exactly its faces. Call it
 * right before a screenshot, once the page shows everything it will (search results…), so a page
 * in fallback fonts fails here, naming each element and the font it fell back to, instead of as
 * a pixel diff.
 */
export async function expectSiteFontsDrawn(page: Page, drawnIn: readonly DrawnIn[] = []): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1 })) as { root: DomNode };
    const fontsOf = async (nodeId: number) =>
      ((await cdp.send('CSS.getPlatformFontsForNode', { nodeId })) as { fonts: PlatformFont[] }).fonts;
    const problems: string[] = [];

    for (const element of elementsWithText(root)) {
      const system = (await fontsOf(element.nodeId)).filter((font) => !font.isCustomFont);
      if (system.length > 0) {
        const names = system.map((font) => `${font.familyName} (${font.glyphCount} glyphs)`).join(', ');
        problems.push(`${describe(element)} fell back to ${names}`);
      }
    }
    for (const { selector, faces } of [...CHROME, ...drawnIn]) {
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      if (!nodeId) {
        problems.push(`no element matches ${selector}`);
        continue;
      }
      const drawn = (await fontsOf(nodeId)).map((font) => font.postScriptName).sort();
      if (drawn.join() !== [...faces].sort().join()) {
        problems.push(`${selector} was drawn in [${drawn.join(', ')}], expected [${faces.join(', ')}]`);
      }
    }
    expect(
      problems,
      `${page.url()} is not drawn in the site's own fonts as expected (a font that misses font-display: optional's block period is not used for that page load)`,
    ).toEqual([]);
  } finally {
    await cdp.detach();
  }
}

/** Every element under <body> with text of its own (a non-blank text node as a child). */
function* elementsWithText(node: DomNode, inBody = false): Generator<DomNode> {
  const here = inBody || node.localName === 'body';
  if (here && node.nodeType === 1 && node.children?.some((c) => c.nodeType === 3 && c.nodeValue.trim())) {
    yield node;
  }
  for (const child of node.children ?? []) yield* elementsWithText(child, here);
}

/** `h1 "Azerbaijan opens embassy…"`: an element named for a failure message. */
function describe(element: DomNode): string {
  const attributes = element.attributes ?? [];
  // DOM.getDocument lists attributes as [name, value, name, value, …].
  const className = attributes.find((_, i) => i % 2 === 1 && attributes[i - 1] === 'class');
  const text = (element.children ?? [])
    .filter((c) => c.nodeType === 3)
    .map((c) => c.nodeValue)
    .join('')
    .trim();
  const name = className ? `${element.localName}.${className.split(' ')[0]}` : element.localName;
  return `${name} "${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}
