import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../scripts/chromium.mjs';
import { isPageId } from '../../src/lib/articles/page-ids';
import { IMAGE_WIDTHS, PORTRAIT_MAX_VH } from '../../src/lib/photos/sizes';
import { productionBuild } from '../helpers/build';
import { listFiles } from '../helpers/dist';
import { parseFragment } from '../helpers/html';
import { addPhotoArticle, copyProject } from '../helpers/project-copy';
import { distFile, paths, siteUrl } from '../helpers/site';

/**
 * What the build makes of an article's pictures, beyond the page's markup: no source file is
 * published (a camera original carries EXIF, GPS and IPTC: where the photographer stood), no file
 * is wider than a page ever draws, and a picture with transparency is not turned black where an
 * output cannot keep it (JPEG). The pictures are drawn here with sharp, each with what it tests:
 * a 3,000 px JPEG with EXIF and GPS, a PNG and a WebP with transparent corners.
 */

/** The widest file a page or feed offers (src/lib/photos/sizes.ts). */
const WIDEST = Math.max(...IMAGE_WIDTHS);

/** Article with a wide camera-like lead (EXIF, GPS) and a transparent WebP figure in the body. */
const WIDE = 'wide-photo';
/** Article whose lead photograph is a PNG with transparent corners. */
const CLEAR = 'clear-photo';
/**
 * Article whose lead photograph is a 1,200 × 1,800 portrait (2:3), with a correction and a body
 * heading "Corrections" (the page's ids are checked on it too: one build serves both).
 */
const PORTRAIT = 'portrait-photo';
const PORTRAIT_SIZE = { width: 1200, height: 1800 };
/**
 * Article whose lead photograph is the commonest HD still, 1,920 × 1,080: under 1,200 px tall, so
 * its square crop is smaller. Its credit says what it credits (an agency's "AP Photo/…").
 */
const HD = 'hd-photo';
const HD_CREDIT = 'AP Photo/Test Desk';

/** A made-up scene: a transparent background (when `alpha`) or a sky, a dark disc in the middle. */
function scene(width: number, height: number, alpha: boolean): Buffer {
  const background = alpha ? '' : `<rect width="${width}" height="${height}" fill="#7fa7d1"/>`;
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    ${background}<circle cx="${width / 2}" cy="${height / 2}" r="${height / 4}" fill="#2b3a55"/></svg>`);
}

function articleMdx(
  headline: string,
  lead: string,
  body: string,
  more = '',
  credit = 'Test Desk/JNS',
): string {
  return `---
headline: ${headline}
dek: Made up for the tests of what the build makes of pictures.
byline: JNS
published: '2023-03-30'
section: world
tags: [photos]
image:
  src: ${lead}
  alt: A dark disc in the middle of the picture
  credit: ${credit}
${more}---

${body}
`;
}

/** Adds the articles above and their pictures to the project copy at `dir`. */
async function addArticles(dir: string): Promise<void> {
  const articles = join(dir, 'src/content/articles');
  mkdirSync(join(articles, WIDE));
  await sharp(scene(3000, 2000, false))
    .jpeg({ quality: 70 })
    .withExif({
      IFD0: { Make: 'TestCam', Model: 'Exif Leaker', Copyright: 'Test Desk' },
      // GPS IFD: where the photographer stood.
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '32/1 47/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '35/1 0/1 0/1',
      },
    })
    .toFile(join(articles, WIDE, 'lead.jpg'));
  await sharp(scene(1400, 900, true))
    .webp()
    .toFile(join(articles, WIDE, 'cutout.webp'));
  writeFileSync(
    join(articles, WIDE, 'index.mdx'),
    articleMdx(
      'A wide photograph with its camera’s metadata',
      './lead.jpg',
      `<Figure src="./cutout.webp" alt="A dark disc on a transparent ground" credit="Test Desk">
  A cut-out picture.
</Figure>`,
    ),
  );
  mkdirSync(join(articles, CLEAR));
  // Stored uncompressed, so no file the build makes from it can equal it by chance.
  await sharp(scene(1600, 1200, true))
    .png({ compressionLevel: 0 })
    .toFile(join(articles, CLEAR, 'lead.png'));
  writeFileSync(
    join(articles, CLEAR, 'index.mdx'),
    articleMdx('A transparent lead photograph', './lead.png', 'A paragraph, so that the body is not empty.'),
  );
  mkdirSync(join(articles, PORTRAIT));
  await sharp(scene(PORTRAIT_SIZE.width, PORTRAIT_SIZE.height, false))
    .jpeg({ quality: 70 })
    .toFile(join(articles, PORTRAIT, 'lead.jpg'));
  writeFileSync(
    join(articles, PORTRAIT, 'index.mdx'),
    articleMdx(
      'A portrait lead photograph',
      './lead.jpg',
      'The first paragraph, under the photograph.\n\n## Corrections\n\nA heading whose words are a part of the page.',
      `corrections:
  - date: '2023-03-31'
    kind: correction
    text: An earlier version misspelled the village.
`,
    ),
  );
  mkdirSync(join(articles, HD));
  await sharp(scene(1920, 1080, false))
    .jpeg({ quality: 70 })
    .toFile(join(articles, HD, 'lead.jpg'));
  writeFileSync(
    join(articles, HD, 'index.mdx'),
    articleMdx('An HD still', './lead.jpg', 'A paragraph under a 1,920 × 1,080 photograph.', '', HD_CREDIT),
  );
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const RASTER = /\.(jpe?g|png|webp|avif)$/i;

let project: ReturnType<typeof copyProject>;
let dist: string;
const sources = new Map<string, string>();

beforeAll(async () => {
  project = copyProject();
  addPhotoArticle(project.dir);
  await addArticles(project.dir);
  const articles = join(project.dir, 'src/content/articles');
  for (const file of listFiles(articles).filter((name) => RASTER.test(name))) {
    sources.set(sha(readFileSync(join(articles, file))), file);
  }
  const build = productionBuild({ root: project.dir, env: { NEWS_BUILD_TIME: '2024-06-11T12:00:00Z' } });
  expect(build.status, build.output).toBe(0);
  dist = join(project.dir, 'dist');
}, 600_000);

afterAll(() => project.remove());

/** The page of article `id`, parsed. */
const pageOf = (id: string) => parseFragment(readFileSync(distFile(dist, paths.article(id)), 'utf8'));

/** Red, green and blue of the top-left pixel of the picture at `file`. */
async function corner(file: string): Promise<number[]> {
  const { data } = await sharp(file)
    .extract({ left: 0, top: 0, width: 1, height: 1 })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return [...data.subarray(0, 3)];
}

/** White within JPEG's rounding: each channel at least 245 (black would be about 0). */
const WHITE = [245, 245, 245];
const expectWhite = (rgb: number[], what: string) =>
  rgb.forEach((channel, i) =>
    expect(channel, `${what}: corner ${rgb.join(',')}`).toBeGreaterThanOrEqual(WHITE[i] ?? 0),
  );

describe('what the build publishes of an article’s pictures', () => {
  it('publishes no source picture: every file is made from one, none is a copy', () => {
    expect(sources.size).toBeGreaterThanOrEqual(4);
    const copies = listFiles(dist)
      .filter((file) => sources.has(sha(readFileSync(join(dist, file)))))
      .map((file) => `${file} (is ${sources.get(sha(readFileSync(join(dist, file))))})`);
    expect(copies).toEqual([]);
  });

  it('strips EXIF (and with it GPS) from every picture it publishes', async () => {
    const images = listFiles(dist).filter((file) => RASTER.test(file));
    expect(images.length).toBeGreaterThan(10);
    const withExif: string[] = [];
    for (const file of images) {
      const { exif, iptc, xmp } = await sharp(join(dist, file)).metadata();
      if (exif || iptc || xmp) withExif.push(file);
    }
    expect(withExif).toEqual([]);
  });

  it('caps a wide source at the widest file a page offers, on the page and in the feeds', async () => {
    const img = pageOf(WIDE).querySelector('.lead-image img');
    expect(img).not.toBeNull();
    expect(Number(img?.getAttribute('width'))).toBe(WIDEST);
    expect((await sharp(distFile(dist, img?.getAttribute('src') ?? '')).metadata()).width).toBe(WIDEST);

    const feed = JSON.parse(readFileSync(distFile(dist, paths.feed({ kind: 'site' }, 'json')), 'utf8')) as {
      items: { url: string; content_html: string; image?: string }[];
    };
    const item = feed.items.find((entry) => entry.url === siteUrl(paths.article(WIDE)));
    expect(item).toBeDefined();
    const imgs = [...parseFragment(item?.content_html ?? '').querySelectorAll('img')];
    expect(imgs.length).toBeGreaterThanOrEqual(2);
    for (const each of imgs) {
      const src = each.getAttribute('src') ?? '';
      const { width = Infinity } = await sharp(distFile(dist, src)).metadata();
      expect(width, src).toBeLessThanOrEqual(WIDEST);
      expect(Number(each.getAttribute('width')), src).toBe(width);
    }
  });

  it('flattens transparency onto white, not black, in every JPEG', async () => {
    // The PNG lead: its structured-data crops and its social card are JPEGs.
    const clear = pageOf(CLEAR);
    const jsonLd = [...clear.querySelectorAll('script[type="application/ld+json"]')]
      .map((script) => JSON.parse(script.textContent ?? '') as { '@type'?: string; image?: string[] })
      .find((data) => data['@type'] === 'NewsArticle');
    expect(jsonLd?.image).toHaveLength(3);
    for (const crop of jsonLd?.image ?? []) expectWhite(await corner(distFile(dist, crop)), crop);
    expectWhite(await corner(distFile(dist, paths.card(CLEAR, 'jpg'))), 'social card');

    // The WebP figure: its <img> fallback (what feeds show) is a JPEG.
    const fallback = pageOf(WIDE).querySelector('.photo:not(.lead-image) img')?.getAttribute('src') ?? '';
    expect(fallback).toMatch(/\.jpg$/);
    expectWhite(await corner(distFile(dist, fallback)), fallback);
  });
});

describe('a 1,920 × 1,080 lead photograph', () => {
  it('builds, with its three crops in the JSON-LD, each from the largest region of its shape', async () => {
    const jsonLd = [...pageOf(HD).querySelectorAll('script[type="application/ld+json"]')]
      .map((script) => JSON.parse(script.textContent ?? '') as { '@type'?: string; image?: string[] })
      .find((data) => data['@type'] === 'NewsArticle');
    const sizes = await Promise.all(
      (jsonLd?.image ?? []).map(async (url) => {
        const { width, height, format } = await sharp(distFile(dist, url)).metadata();
        return `${String(width)}×${String(height)} ${String(format)}`;
      }),
    );
    // 16:9 and 4:3 at 1,200 px wide; the square as large as the picture's height allows.
    expect(sizes).toEqual(['1200×675 jpeg', '1200×900 jpeg', '1080×1080 jpeg']);
  });

  it('prints a credit that says what it credits as written, on the page and in the feeds', () => {
    expect(pageOf(HD).querySelector('figure.lead-image .credit')?.textContent?.trim()).toBe(HD_CREDIT);
    const feed = JSON.parse(readFileSync(distFile(dist, paths.feed({ kind: 'site' }, 'json')), 'utf8')) as {
      items: { url: string; content_html: string }[];
    };
    const item = feed.items.find((entry) => entry.url === siteUrl(paths.article(HD)));
    const credit = parseFragment(item?.content_html ?? '').querySelector('figcaption span:last-child');
    expect(credit?.textContent?.trim()).toBe(HD_CREDIT);
  });
});

describe('a portrait lead photograph', () => {
  let browser: Browser;
  beforeAll(async () => {
    const executablePath = findChromium();
    browser = await chromium.launch(executablePath ? { executablePath } : {});
  });
  afterAll(() => browser.close());

  /**
   * What a browser draws of the lead photograph of article `id` in a window `width` × `height`:
   * the <img> box, the picture inside it (object-fit), and the width its `sizes` says it is drawn.
   * The built files are served from dist/ as the site would serve them.
   */
  async function drawn(id: string, width: number, height: number) {
    const page = await browser.newPage({ viewport: { width, height } });
    const origin = 'http://site.test';
    await page.route(`${origin}/**`, (route) =>
      route.fulfill({ path: distFile(dist, route.request().url()) }),
    );
    await page.goto(`${origin}${paths.article(id)}`);
    const img = page.locator('.lead-image img');
    await img.evaluate((element: HTMLImageElement) => element.decode());
    const result = await img.evaluate((element: HTMLImageElement) => {
      const box = element.getBoundingClientRect();
      const scale = Math.min(box.width / element.naturalWidth, box.height / element.naturalHeight);
      const fit = getComputedStyle(element).objectFit;
      const picture = fit === 'contain' ? element.naturalWidth * scale : box.width;
      // `sizes` as the browser reads it: the length after the first media condition that holds.
      const entries = (element.getAttribute('sizes') ?? '')
        .split(/,(?![^(]*\))/)
        .map((entry) => entry.trim());
      const chosen = entries.find((entry) => {
        const media = /^(\([^)]*\))\s+(.*)$/.exec(entry);
        return !media || matchMedia(media[1] ?? '').matches;
      });
      const probe = document.createElement('div');
      probe.style.width = (chosen ?? '').replace(/^\([^)]*\)\s+/, '');
      document.body.append(probe);
      const sizes = probe.getBoundingClientRect().width;
      probe.remove();
      return { width: box.width, height: box.height, picture, sizes };
    });
    await page.close();
    return result;
  }

  it(`is at most ${PORTRAIT_MAX_VH}% of the window's height on a desktop, whole, and says so in sizes`, async () => {
    const desktop = await drawn(PORTRAIT, 1280, 720);
    expect(desktop.height).toBeLessThanOrEqual((720 * PORTRAIT_MAX_VH) / 100 + 0.5);
    // The whole picture, at its own shape: 2:3, not cropped, not stretched.
    expect(desktop.picture).toBeCloseTo((desktop.height * PORTRAIT_SIZE.width) / PORTRAIT_SIZE.height, 0);
    expect(desktop.sizes).toBeCloseTo(desktop.picture, 0);
  });

  it('fills the column on a phone, where it is not too tall, as before', async () => {
    const phone = await drawn(PORTRAIT, 375, 812);
    expect(phone.width).toBe(335);
    expect(phone.height).toBeCloseTo((335 * PORTRAIT_SIZE.height) / PORTRAIT_SIZE.width, 0);
    expect(phone.sizes).toBeCloseTo(335, 0);
  });

  it('leaves a landscape lead as it was: the column wide, at its own shape', async () => {
    const desktop = await drawn(WIDE, 1280, 720);
    expect([desktop.width, desktop.picture, desktop.sizes]).toEqual([640, 640, 640]);
    expect(desktop.height).toBeCloseTo((640 * 2) / 3, 0);
  });
});

describe('an article page’s ids', () => {
  it('are unique: a body heading "Corrections" does not take the corrections box’s id', () => {
    const page = pageOf(PORTRAIT);
    const ids = [...page.querySelectorAll('[id]')].map((element) => element.id);
    expect(ids).toContain('corrections');
    expect(ids).toContain('notice-1');
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const headings = [...page.querySelectorAll('.article-body h2[id]')].map((heading) => heading.id);
    expect(headings).toEqual(['heading-corrections']);
    expect(headings.filter(isPageId)).toEqual([]);
    expect(page.querySelector('#corrections')?.tagName).toBe('ASIDE');
  });
});
