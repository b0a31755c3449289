import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleId } from '../../src/lib/articles/loader';
import { checkLeadImage } from '../../src/lib/photos/lead-check';
import {
  altProblem,
  CROP_MAX_WIDTH,
  creditLine,
  extensionProblem,
  LEAD_MIN_WIDTH,
  metadataOf,
  sizeProblem,
  structuredDataCrops,
} from '../../src/lib/photos/rules';
import { sharpPosition } from '../../src/lib/photos/renditions';
import {
  COLUMN_SIZES,
  fallbackWidth,
  flattenFor,
  JPEG_BACKGROUND,
  sizesFor,
  widthsFor,
} from '../../src/lib/photos/sizes';
import { FigureSchema } from '../../src/schemas/image';
import { schemaErrorOf, testArticleSchema } from '../helpers/article-schema';
import { ROOT } from '../helpers/build';
import { errorOf } from '../helpers/errors';

const photo = { src: '/_astro/lead.jpg', width: 1800, height: 1200, format: 'jpg' as const };
const article = {
  headline: 'A harvest festival',
  dek: 'A dek.',
  byline: 'JNS',
  published: '2024-06-01',
  section: 'israel',
  tags: ['culture'],
};
const problems = (data: Record<string, unknown>) => {
  const result = testArticleSchema.safeParse(data);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('alt text', () => {
  it('takes a description of the picture', () => {
    expect(altProblem('Stalls under white awnings beside a wheat field at dusk')).toBeUndefined();
  });

  it.each([
    ['', /^is empty/],
    ['   ', /^is empty/],
    ['lead.jpg', /^is a file name/],
    ['IMG_2291', /^is a file name/],
    ['DSC01234.JPG', /^is a file name/],
    ['photo', /^says nothing about the picture/],
    ['Image', /^says nothing about the picture/],
  ])('refuses %j', (alt, message) => {
    expect(altProblem(alt)).toMatch(message);
  });
});

describe('credit lines', () => {
  it('put "Photo: " or "Credit: " before a credit that does not say what it credits', () => {
    expect(creditLine('Miriam Levi/JNS', 'Photo')).toBe('Photo: Miriam Levi/JNS');
    expect(creditLine('JNS graphics', 'Credit')).toBe('Credit: JNS graphics');
    expect(creditLine('@elicoh1 on X', 'Photo')).toBe('Photo: @elicoh1 on X');
    // Names that merely contain a kind word's letters, or an agency named Images, say nothing of kind.
    expect(creditLine('Photoline Agency/JNS', 'Photo')).toBe('Photo: Photoline Agency/JNS');
    expect(creditLine('Getty Images', 'Photo')).toBe('Photo: Getty Images');
    expect(creditLine('Credit Suisse', 'Credit')).toBe('Credit: Credit Suisse');
  });

  it.each([
    'AP Photo/Ohad Zwigenberg',
    'AFP PHOTO / Menahem Kahana',
    'GPO Photo/Kobi Gideon',
    'Reuters Pictures/Ammar Awad',
    'Photo: Miriam Levi/JNS',
    'photo by Miriam Levi',
    'Photos: Miriam Levi and Tom Weiss',
    'Photo courtesy of the Foreign Ministry',
    'Photograph: Tom Weiss',
    'Courtesy of the Foreign Ministry',
    'Courtesy Foreign Ministry',
    'Credit: Flash90',
    'Image: NASA',
    'Illustration by Dana Cohen',
    'Graphic: JNS',
    'Video: Tom Weiss/JNS',
    'Pool photo via AP',
    'Handout photo',
  ])('print %j as written, as it says what it credits', (credit) => {
    expect(creditLine(credit, 'Photo')).toBe(credit);
    expect(creditLine(credit, 'Credit')).toBe(credit);
  });
});

describe('image files and sizes', () => {
  it('takes JPEG, PNG, WebP and AVIF, and says what to do with anything else', () => {
    for (const path of ['./a.jpg', './a.JPEG', './a.png', './a.webp', './a.avif'])
      expect(extensionProblem(path)).toBeUndefined();
    expect(extensionProblem('./a.heic')).toBe(
      'is a .heic file; the site takes JPEG, PNG, WebP or AVIF: export it as one of those',
    );
    expect(extensionProblem('./a')).toMatch(/^is a file without an extension/);
  });

  it('wants a lead photograph at least 1,200 px wide, and any source at most 8,000', () => {
    expect(sizeProblem({ width: 1200, height: 1200, format: 'jpg' }, 'lead')).toBeUndefined();
    // The commonest HD still, and a shallow panorama: wide enough, tall enough for each crop.
    expect(sizeProblem({ width: 1920, height: 1080, format: 'jpg' }, 'lead')).toBeUndefined();
    expect(sizeProblem({ width: 1600, height: 224, format: 'jpg' }, 'lead')).toBeUndefined();
    expect(sizeProblem({ width: 1199, height: 1600, format: 'jpg' }, 'lead')).toMatchInlineSnapshot(
      `"is 1,199 × 1,600 px; a lead photograph must be at least 1,200 px wide (Google's rule for article images); use a larger original"`,
    );
    expect(sizeProblem({ width: 800, height: 533, format: 'png' }, 'body')).toBeUndefined();
    expect(sizeProblem({ width: 12000, height: 8000, format: 'jpg' }, 'body')).toMatch(
      /^is 12,000 × 8,000 px, larger than the 8,000 px the build takes on either side/,
    );
    expect(sizeProblem({ width: 1600, height: 1200, format: 'gif' }, 'body')).toMatch(/^is GIF;/);
  });

  it('refuses a lead photograph too short for a crop of 50,000 pixels, saying how tall it must be', () => {
    expect(sizeProblem({ width: 1600, height: 40, format: 'jpg' }, 'lead')).toMatchInlineSnapshot(
      `"is 1,600 × 40 px: its 1:1 crop for structured data would be 40 × 40 px, 1,600 pixels, under the 50,000 (width × height) Google asks of each 16:9, 4:3 and 1:1 crop of an article's image; use a picture at least 224 px tall"`,
    );
    // 223 × 223 = 49,729 pixels: one short of the height the message names.
    expect(sizeProblem({ width: 1600, height: 223, format: 'jpg' }, 'lead')).toMatch(
      /^is 1,600 × 223 px: its 1:1 crop for structured data would be 223 × 223 px, 49,729 pixels/,
    );
    // A picture for the body has no crops to make.
    expect(sizeProblem({ width: 1600, height: 40, format: 'jpg' }, 'body')).toBeUndefined();
  });
});

describe('the lead image in the frontmatter', () => {
  it('is optional, and takes src, alt, caption, credit and a crop position', () => {
    expect(problems(article)).toEqual([]);
    const data = testArticleSchema.parse({
      ...article,
      image: {
        src: photo,
        alt: 'Stalls under white awnings',
        caption: 'The grounds.',
        credit: 'Miriam Levi/JNS',
      },
    });
    expect(data.image).toEqual({
      src: photo,
      alt: 'Stalls under white awnings',
      caption: 'The grounds.',
      credit: 'Miriam Levi/JNS',
      position: 'center',
    });
  });

  it('refuses a missing or empty alt, a file name as alt, a missing credit, a made-up position and unknown fields', () => {
    expect(
      problems({ ...article, image: { src: photo, credit: 'Miriam Levi/JNS', position: 'middle', size: 3 } }),
    ).toMatchInlineSnapshot(`
      [
        "image.size: unknown field; an image has src, alt, caption, credit and position",
        "image.alt: is required: what the picture shows, for readers who cannot see it, e.g. alt: Stalls under white awnings beside a wheat field at dusk",
        "image.position: expected one of "center", "top", "bottom", "left", "right", "top left", "top right", "bottom left", "bottom right", received "middle"",
      ]
    `);
    expect(problems({ ...article, image: { src: photo, alt: 'IMG_2291.jpg', credit: ' ' } }))
      .toMatchInlineSnapshot(`
      [
        "image.alt: is a file name, not a description ("IMG_2291.jpg"): say what the picture shows, e.g. alt: Stalls under white awnings beside a wheat field at dusk",
        "image.credit: must not be empty: who took the photo or made the graphic, e.g. credit: Miriam Levi/JNS",
      ]
    `);
  });
});

describe('<Figure> props', () => {
  it('take an imported image, alt text and a credit', () => {
    expect(
      FigureSchema.safeParse({ src: photo, alt: 'Map of the valley', credit: 'JNS graphics' }).success,
    ).toBe(true);
  });

  it('refuse a URL or absolute path (not processed), and a picture too large to process', () => {
    const url = FigureSchema.safeParse({
      src: 'https://example.com/x.png',
      alt: 'Map of the valley',
      credit: 'JNS graphics',
    });
    expect(url.error?.issues.map((issue) => issue.message)).toEqual([
      'must be the path of an image next to the article, relative to its file, e.g. src="./harvest/map.png" (a URL or an absolute path is not processed)',
    ]);
    const huge = FigureSchema.safeParse({
      src: { ...photo, width: 9000 },
      alt: 'Map of the valley',
      credit: 'JNS graphics',
    });
    expect(huge.error?.issues[0]?.message).toMatch(/^is 9,000 × 1,200 px, larger than the 8,000 px/);
  });
});

/**
 * An image as Astro hands it out in a build: a proxy that records each property read (a read
 * publishes the original file), answering `clone` (a plain copy) and `fsPath` without recording.
 */
function astroProxy(metadata: typeof photo): { image: typeof photo; reads: PropertyKey[] } {
  const reads: PropertyKey[] = [];
  const image = new Proxy(metadata, {
    get(target, name) {
      if (name === 'clone') return structuredClone(target);
      if (name === 'fsPath') return '/site/src/content/articles/x/map.png';
      reads.push(name);
      return target[name as keyof typeof target];
    },
  });
  return { image, reads };
}

describe('imported images read without publishing their originals', () => {
  it('are read through their clone', () => {
    const { image, reads } = astroProxy(photo);
    expect(metadataOf(image)).toEqual(photo);
    expect(metadataOf(image).width).toBe(1800);
    expect(reads).toEqual([]);
    // Plain metadata (a unit test's, dev's) is read as it is.
    expect(metadataOf(photo)).toBe(photo);
  });

  it('pass <Figure>’s check untouched: the proxy itself, never a copy, and never read', () => {
    const { image, reads } = astroProxy(photo);
    const parsed = FigureSchema.parse({ src: image, alt: 'Map of the valley', credit: 'JNS graphics' });
    // The very proxy (a copy would lose `fsPath`, and Astro could not delete the original).
    expect(parsed.src).toBe(image);
    expect(reads).toEqual([]);
    const huge = astroProxy({ ...photo, width: 9000 });
    expect(
      FigureSchema.safeParse({ src: huge.image, alt: 'Map of the valley', credit: 'JNS graphics' }).success,
    ).toBe(false);
    expect(huge.reads).toEqual([]);
  });
});

describe('responsive images', () => {
  it('offer widths from a phone’s to the source’s own, never wider, at most 1,920', () => {
    expect(widthsFor(1200)).toEqual([320, 480, 640, 800, 960, 1200]);
    expect(widthsFor(1800)).toEqual([320, 480, 640, 800, 960, 1280, 1600, 1800]);
    expect(widthsFor(4000)).toEqual([320, 480, 640, 800, 960, 1280, 1600, 1920]);
    expect(widthsFor(300)).toEqual([300]);
  });

  it('make the <img> fallback at the source’s width, at most 1,920', () => {
    expect(fallbackWidth(1800)).toBe(1800);
    expect(fallbackWidth(1920)).toBe(1920);
    expect(fallbackWidth(3000)).toBe(1920);
  });

  it('put a JPEG made from a format that can be transparent on white', () => {
    expect(JPEG_BACKGROUND).toBe('#ffffff');
    expect(flattenFor({ format: 'png' }, 'jpg')).toEqual({ background: '#ffffff' });
    expect(flattenFor({ format: 'webp' }, 'jpg')).toEqual({ background: '#ffffff' });
    expect(flattenFor({ format: 'avif' }, 'jpeg')).toEqual({ background: '#ffffff' });
    // Nothing to flatten: a JPEG source, or an output that keeps transparency.
    expect(flattenFor({ format: 'jpg' }, 'jpg')).toEqual({});
    expect(flattenFor({ format: 'png' }, 'png')).toEqual({});
    expect(flattenFor({ format: 'webp' }, 'webp')).toEqual({});
  });

  it('tell the browser the column’s width, or a small image’s own where it is narrower, and a portrait’s capped width', () => {
    expect(COLUMN_SIZES).toBe('(min-width: 42.5rem) 40rem, calc(100vw - 2.5rem)');
    expect(sizesFor(1800, 1200)).toBe(COLUMN_SIZES);
    expect(sizesFor(640, 640)).toBe(COLUMN_SIZES);
    expect(sizesFor(400, 300)).toBe('min(400px, calc(100vw - 2.5rem))');
    // A portrait is no taller than 80vh, so no wider than 80vh at its shape (2:3: 53.33vh).
    expect(sizesFor(1200, 1800)).toBe(
      '(min-width: 42.5rem) min(40rem, 53.33vh), min(calc(100vw - 2.5rem), 53.33vh)',
    );
    expect(sizesFor(400, 800)).toBe('min(400px, calc(100vw - 2.5rem), 40vh)');
  });
});

describe('structured-data crops', () => {
  const sizes = (width: number, height: number) =>
    structuredDataCrops({ width, height }).map((crop) => `${crop.ratio} ${crop.width}×${crop.height}`);

  it('are 16:9, 4:3 and 1:1, each 1,200 px wide, from a picture that holds them all', () => {
    expect(sizes(1800, 1200)).toEqual(['16:9 1200×675', '4:3 1200×900', '1:1 1200×1200']);
    expect(sizes(1200, 1800)).toEqual(['16:9 1200×675', '4:3 1200×900', '1:1 1200×1200']);
  });

  it('are each cut from the largest region of their shape: a 1,920 × 1,080 still gives a 1,080 px square', () => {
    // 4:3 from the 1,440 × 1,080 middle, made 1,200 wide; 1:1 from the 1,080 × 1,080 one, kept.
    expect(sizes(1920, 1080)).toEqual(['16:9 1200×675', '4:3 1200×900', '1:1 1080×1080']);
    expect(sizes(1200, 800)).toEqual(['16:9 1200×675', '4:3 1066×800', '1:1 800×800']);
    // A panorama: every crop is as tall as the picture, none taller.
    expect(sizes(4000, 300)).toEqual(['16:9 533×300', '4:3 400×300', '1:1 300×300']);
  });

  it('never come out taller or wider than the picture, at any size', () => {
    for (let width = LEAD_MIN_WIDTH; width <= 2600; width += 97) {
      for (let height = 1; height <= 2600; height += 13) {
        for (const crop of structuredDataCrops({ width, height })) {
          expect(crop.width).toBeLessThanOrEqual(Math.min(width, CROP_MAX_WIDTH));
          expect(crop.height).toBeLessThanOrEqual(height);
        }
      }
    }
  });

  it('name the crop’s position as sharp does', () => {
    expect(sharpPosition('center')).toBe('center');
    expect(sharpPosition('top')).toBe('top');
    expect(sharpPosition('top left')).toBe('left top');
    expect(sharpPosition('bottom right')).toBe('right bottom');
  });
});

describe('article ids', () => {
  it('are the file name, or the folder’s for <slug>/index.mdx', () => {
    expect(articleId('src/content/articles/azerbaijan-opens-embassy-in-israel.mdx')).toBe(
      'azerbaijan-opens-embassy-in-israel',
    );
    expect(articleId('src/content/articles/harvest/index.mdx')).toBe('harvest');
    expect(articleId('tests/fixtures/archive/Fixture-Embassy-Visit/index.mdx')).toBe('fixture-embassy-visit');
  });
});

describe('a broken photograph, as the build reports it', () => {
  // The messages a build of tests/fixtures/broken-photos/ prints, pinned without a build; the
  // build itself is held to one error a path (tests/build/broken-photos.test.ts).
  const FIXTURES = join(ROOT, 'tests/fixtures/broken-photos');
  const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

  /**
   * The frontmatter as the schema receives it in a build, where Astro's `image()` has turned the
   * lead image's path into the picture's metadata.
   */
  async function asBuilt(contents: string): Promise<Record<string, unknown>> {
    const data = parseFrontmatter(contents).frontmatter;
    const image = data['image'] as { src: string };
    const { width, height, format } = await sharp(join(FIXTURES, image.src)).metadata();
    return {
      ...data,
      image: { ...image, src: { src: `/_astro/${basename(image.src)}`, width, height, format } },
    };
  }

  /** The schema error a build prints for the fixture `name`. */
  const schemaError = async (name: string) =>
    schemaErrorOf(fixture(name), testArticleSchema, await asBuilt(fixture(name)));

  it('refuses a lead photograph without alt text, with an example', async () => {
    expect(await schemaError('lead-missing-alt.mdx')).toMatchInlineSnapshot(`
      {
        "at": "8:1",
        "issues": [
          "image.alt (line 8): is required: what the picture shows, for readers who cannot see it, e.g. alt: Stalls under white awnings beside a wheat field at dusk",
        ],
      }
    `);
  });

  it('refuses a file name as alt text, asking what the picture shows', async () => {
    expect(await schemaError('lead-alt-file-name.mdx')).toMatchInlineSnapshot(`
      {
        "at": "10:3",
        "issues": [
          "image.alt (line 10): is a file name, not a description ("IMG_2291.jpg"): say what the picture shows, e.g. alt: Stalls under white awnings beside a wheat field at dusk",
        ],
      }
    `);
  });

  it('refuses a lead photograph without a credit, with an example', async () => {
    expect(await schemaError('lead-missing-credit.mdx')).toMatchInlineSnapshot(`
      {
        "at": "8:1",
        "issues": [
          "image.credit (line 8): is required: who took the photo or made the graphic, e.g. credit: Miriam Levi/JNS",
        ],
      }
    `);
  });

  describe('checkLeadImage, as the articles’ loader calls it', () => {
    // A project whose src/content/articles/ is the fixtures' folder, so each message names the
    // article and the photo where a build of the fixture finds them.
    let root: string;
    beforeAll(() => {
      root = mkdtempSync(join(tmpdir(), 'lead-image-'));
      mkdirSync(join(root, 'src/content'), { recursive: true });
      symlinkSync(FIXTURES, join(root, 'src/content/articles'));
    });
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    const check = (name: string) =>
      errorOf(() =>
        checkLeadImage(
          join(root, 'src/content/articles', name),
          parseFrontmatter(fixture(name)).frontmatter,
          pathToFileURL(`${root}/`),
        ),
      );

    it('names the path it looked for when the photograph is not there', async () => {
      expect(await check('lead-missing-file.mdx')).toMatchInlineSnapshot(`
        {
          "hint": "Put the photo there, or correct the path (it is relative to src/content/articles/lead-missing-file.mdx).",
          "message": "src/content/articles/lead-missing-file.mdx: image.src ./photos/lead.jpg does not exist: looked for src/content/articles/photos/lead.jpg",
          "name": "AstroUserError",
        }
      `);
    });

    it('refuses a photograph too short for a 50,000-pixel square crop, saying how tall it must be', async () => {
      expect(await check('lead-too-short.mdx')).toMatchInlineSnapshot(`
        {
          "hint": "The lead image is a file next to the article, e.g. image:
          src: ./harvest/lead.jpg
          alt: …
          credit: …
        See "Photographs" in docs/writing.md.",
          "message": "src/content/articles/lead-too-short.mdx: image.src ./photos/panorama.jpg is 1,600 × 40 px: its 1:1 crop for structured data would be 40 × 40 px, 1,600 pixels, under the 50,000 (width × height) Google asks of each 16:9, 4:3 and 1:1 crop of an article's image; use a picture at least 224 px tall.",
          "name": "AstroUserError",
        }
      `);
    });

    it('refuses a photograph under 1,200 px wide, giving its size and the rule', async () => {
      expect(await check('lead-too-small.mdx')).toMatchInlineSnapshot(`
        {
          "hint": "The lead image is a file next to the article, e.g. image:
          src: ./harvest/lead.jpg
          alt: …
          credit: …
        See "Photographs" in docs/writing.md.",
          "message": "src/content/articles/lead-too-small.mdx: image.src ./photos/small.jpg is 800 × 533 px; a lead photograph must be at least 1,200 px wide (Google's rule for article images); use a larger original.",
          "name": "AstroUserError",
        }
      `);
    });

    it('refuses a format the site does not take, naming the ones it does', async () => {
      expect(await check('lead-unsupported-format.mdx')).toMatchInlineSnapshot(`
        {
          "hint": "The lead image is a file next to the article, e.g. image:
          src: ./harvest/lead.jpg
          alt: …
          credit: …
        See "Photographs" in docs/writing.md.",
          "message": "src/content/articles/lead-unsupported-format.mdx: image.src ./photos/photo.gif is a .gif file; the site takes JPEG, PNG, WebP or AVIF: export it as one of those.",
          "name": "AstroUserError",
        }
      `);
    });

    it('refuses a photograph over 8,000 px a side, with the size to export it at', async () => {
      expect(await check('lead-too-large.mdx')).toMatchInlineSnapshot(`
        {
          "hint": "The lead image is a file next to the article, e.g. image:
          src: ./harvest/lead.jpg
          alt: …
          credit: …
        See "Photographs" in docs/writing.md.",
          "message": "src/content/articles/lead-too-large.mdx: image.src ./photos/huge.png is 12,000 × 8,000 px, larger than the 8,000 px the build takes on either side; export it smaller (2,000–4,000 px wide is plenty for the web).",
          "name": "AstroUserError",
        }
      `);
    });
  });
});
