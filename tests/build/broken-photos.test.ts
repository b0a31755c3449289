import { copyFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, type PrintedError } from '../helpers/build';
import { failedBuildError } from '../helpers/failed-build';

const FIXTURES = join(ROOT, 'tests/fixtures/broken-photos');

/**
 * Builds a copy of the project with one article whose pictures have a mistake (and the fixture
 * pictures beside it); the build must fail, and this returns the error it printed last.
 */
function buildWith(fixture: string): PrintedError {
  return failedBuildError((dir) => {
    const articles = join(dir, 'src/content/articles');
    copyFileSync(join(FIXTURES, fixture), join(articles, fixture));
    cpSync(join(FIXTURES, 'photos'), join(articles, 'photos'), { recursive: true });
  });
}

// Each error names the article, the field or prop, what is wrong and the fix (in the message's
// "e.g." or the hint). A wrong path names the file it looked for; a wrong size names the rule
// and the picture's size.
describe('a photograph with a mistake fails the build, naming the file, the field and the fix', () => {
  it('lead-missing-alt.mdx', () => {
    expect(buildWith('lead-missing-alt.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "See https://docs.astro.build/en/guides/content-collections/ for more information on content schemas.",
        "location": "src/content/articles/lead-missing-alt.mdx:8:1",
        "message": [
          "articles → lead-missing-alt data does not match collection schema.",
          "image.alt (line 8): is required: what the picture shows, for readers who cannot see it, e.g. alt: Stalls under white awnings beside a wheat field at dusk",
        ],
        "name": "InvalidContentEntryDataError",
      }
    `);
  });

  it('lead-alt-file-name.mdx', () => {
    expect(buildWith('lead-alt-file-name.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "See https://docs.astro.build/en/guides/content-collections/ for more information on content schemas.",
        "location": "src/content/articles/lead-alt-file-name.mdx:10:3",
        "message": [
          "articles → lead-alt-file-name data does not match collection schema.",
          "image.alt (line 10): is a file name, not a description ("IMG_2291.jpg"): say what the picture shows, e.g. alt: Stalls under white awnings beside a wheat field at dusk",
        ],
        "name": "InvalidContentEntryDataError",
      }
    `);
  });

  it('lead-missing-credit.mdx', () => {
    expect(buildWith('lead-missing-credit.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "See https://docs.astro.build/en/guides/content-collections/ for more information on content schemas.",
        "location": "src/content/articles/lead-missing-credit.mdx:8:1",
        "message": [
          "articles → lead-missing-credit data does not match collection schema.",
          "image.credit (line 8): is required: who took the photo or made the graphic, e.g. credit: Miriam Levi/JNS",
        ],
        "name": "InvalidContentEntryDataError",
      }
    `);
  });

  it('lead-missing-file.mdx', () => {
    expect(buildWith('lead-missing-file.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "Put the photo there, or correct the path (it is relative to src/content/articles/lead-missing-file.mdx).",
        "message": [
          "src/content/articles/lead-missing-file.mdx: image.src ./photos/lead.jpg does not exist: looked for src/content/articles/photos/lead.jpg",
        ],
        "name": "AstroUserError",
      }
    `);
  });

  it('lead-too-small.mdx', () => {
    expect(buildWith('lead-too-small.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "The lead image is a file next to the article, e.g. image:
      src: ./harvest/lead.jpg
      alt: …
      credit: …
      See "Photographs" in docs/writing.md.",
        "message": [
          "src/content/articles/lead-too-small.mdx: image.src ./photos/small.jpg is 800 × 533 px; a lead photograph must be at least 1,200 px wide (Google's rule for article images); use a larger original.",
        ],
        "name": "AstroUserError",
      }
    `);
  });

  it('lead-too-short.mdx', () => {
    expect(buildWith('lead-too-short.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "The lead image is a file next to the article, e.g. image:
      src: ./harvest/lead.jpg
      alt: …
      credit: …
      See "Photographs" in docs/writing.md.",
        "message": [
          "src/content/articles/lead-too-short.mdx: image.src ./photos/panorama.jpg is 1,600 × 40 px: its 1:1 crop for structured data would be 40 × 40 px, 1,600 pixels, under the 50,000 (width × height) Google asks of each 16:9, 4:3 and 1:1 crop of an article's image; use a picture at least 224 px tall.",
        ],
        "name": "AstroUserError",
      }
    `);
  });

  it('lead-unsupported-format.mdx', () => {
    expect(buildWith('lead-unsupported-format.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "The lead image is a file next to the article, e.g. image:
      src: ./harvest/lead.jpg
      alt: …
      credit: …
      See "Photographs" in docs/writing.md.",
        "message": [
          "src/content/articles/lead-unsupported-format.mdx: image.src ./photos/photo.gif is a .gif file; the site takes JPEG, PNG, WebP or AVIF: export it as one of those.",
        ],
        "name": "AstroUserError",
      }
    `);
  });

  it('lead-too-large.mdx', () => {
    expect(buildWith('lead-too-large.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "The lead image is a file next to the article, e.g. image:
      src: ./harvest/lead.jpg
      alt: …
      credit: …
      See "Photographs" in docs/writing.md.",
        "message": [
          "src/content/articles/lead-too-large.mdx: image.src ./photos/huge.png is 12,000 × 8,000 px, larger than the 8,000 px the build takes on either side; export it smaller (2,000–4,000 px wide is plenty for the web).",
        ],
        "name": "AstroUserError",
      }
    `);
  });

  it('figure-missing-file.mdx', () => {
    expect(buildWith('figure-missing-file.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "Put the image there, or correct the path (it is relative to src/content/articles/figure-missing-file.mdx).",
        "location": "src/content/articles/figure-missing-file.mdx:12:9",
        "message": [
          "<Figure> in src/content/articles/figure-missing-file.mdx, line 12: src "./photos/map.png" does not exist: looked for src/content/articles/photos/map.png",
        ],
        "name": "MDXError",
      }
    `);
  });

  it('figure-missing-alt.mdx', () => {
    expect(buildWith('figure-missing-alt.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "Fix the <Figure> in src/content/articles/figure-missing-alt.mdx. See "Components (no import line needed)" in docs/writing.md for its props.",
        "message": [
          "<Figure> in src/content/articles/figure-missing-alt.mdx: prop "alt" is required: what the picture shows, for readers who cannot see it, e.g. alt="Stalls under white awnings beside a wheat field at dusk".",
        ],
        "name": "AstroUserError",
      }
    `);
  });

  it('figure-too-large.mdx', () => {
    expect(buildWith('figure-too-large.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "Fix the <Figure> in src/content/articles/figure-too-large.mdx. See "Components (no import line needed)" in docs/writing.md for its props.",
        "message": [
          "<Figure> in src/content/articles/figure-too-large.mdx: prop "src" is 12,000 × 8,000 px, larger than the 8,000 px the build takes on either side; export it smaller (2,000–4,000 px wide is plenty for the web).",
        ],
        "name": "AstroUserError",
      }
    `);
  });

  it('figure-unsupported-format.mdx', () => {
    expect(buildWith('figure-unsupported-format.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "Fix the src of the <Figure>.",
        "location": "src/content/articles/figure-unsupported-format.mdx:12:9",
        "message": [
          "<Figure> in src/content/articles/figure-unsupported-format.mdx, line 12: src "./photos/photo.gif" is a .gif file; the site takes JPEG, PNG, WebP or AVIF: export it as one of those.",
        ],
        "name": "MDXError",
      }
    `);
  });

  it('figure-missing-credit.mdx', () => {
    expect(buildWith('figure-missing-credit.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "Fix the <Figure> in src/content/articles/figure-missing-credit.mdx. See "Components (no import line needed)" in docs/writing.md for its props.",
        "message": [
          "<Figure> in src/content/articles/figure-missing-credit.mdx: prop "credit" is required: who took the photo or made the graphic, e.g. credit="Miriam Levi/JNS".",
        ],
        "name": "AstroUserError",
      }
    `);
  });

  it('tweet-missing-media-file.mdx', () => {
    expect(buildWith('tweet-missing-media-file.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "Put the image there, or correct the path (it is relative to src/content/articles/tweet-missing-media-file.mdx).",
        "location": "src/content/articles/tweet-missing-media-file.mdx:18:3",
        "message": [
          "<Tweet> in src/content/articles/tweet-missing-media-file.mdx, line 18: media "./photos/post.jpg" does not exist: looked for src/content/articles/photos/post.jpg",
        ],
        "name": "MDXError",
      }
    `);
  });

  it('figure-caption-two-paragraphs.mdx', () => {
    expect(buildWith('figure-caption-two-paragraphs.mdx')).toMatchInlineSnapshot(`
      {
        "hint": "Write the caption as one paragraph, with no blank line inside the <Figure>, and move the rest into the article's text after it, e.g. <Figure src="./harvest/map.png" alt="Map of the valley" credit="JNS graphics">Where the festival is held.</Figure>",
        "message": [
          "<Figure> in src/content/articles/figure-caption-two-paragraphs.mdx: the caption has 2 paragraphs; the caption is one paragraph, where emphasis and links are fine.",
        ],
        "name": "AstroUserError",
      }
    `);
  });
});
