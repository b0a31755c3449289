import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  bodyCachePath,
  hasRenderedBody,
  readRenderedBody,
  writeRenderedBody,
} from '../../src/lib/bodies/cache';
import { renderKey, rendererDigests, usedComponents } from '../../src/lib/bodies/key';
import {
  bodyParts,
  slotComment,
  slotImages,
  writtenImagePath,
  type PictureSlot,
} from '../../src/lib/bodies/slots';
import { assetImportId } from '../../src/lib/bodies/stored';
import { ROOT } from '../helpers/build';

const slot: PictureSlot = {
  component: 'Photo',
  image: './podium.jpg',
  props: { alt: 'A podium --> <script>', credit: 'JNS', 'data-astro-cid-x': true },
  caption: 'The podium, <em>empty</em>.',
};

describe('picture slots', () => {
  it('cut stored HTML back into its runs and pictures, whatever the props hold', () => {
    const html = `<p>Before.</p>\n${slotComment(slot)}\n<p>After.</p>`;
    expect(html.match(/-->/g)).toHaveLength(1);
    expect(bodyParts(html)).toEqual([
      { html: '<p>Before.</p>\n' },
      { picture: slot },
      { html: '\n<p>After.</p>' },
    ]);
    expect(slotImages(`${html}${slotComment({ ...slot, caption: null })}`)).toEqual(['./podium.jpg']);
  });

  it('name an imported image by its path from the article, as the body wrote it', () => {
    const root = '/site';
    const src = (file: string) => `/@fs${file}?origWidth=10&origHeight=10&origFormat=jpg`;
    expect(
      writtenImagePath(
        src('/site/tests/fixtures/archive/x/podium.jpg'),
        'tests/fixtures/archive/x/index.mdx',
        root,
      ),
    ).toBe('./podium.jpg');
    expect(
      writtenImagePath(src('/site/tests/fixtures/archive/x/map.png'), 'tests/fixtures/archive/x.mdx', root),
    ).toBe('./x/map.png');
    expect(
      writtenImagePath(src('/site/tests/fixtures/shared/a%20b.png'), 'tests/fixtures/archive/x.mdx', root),
    ).toBe('../shared/a b.png');
    expect(() => writtenImagePath('/_astro/x.jpg', 'a.mdx', root)).toThrow(/not imported from a file/);
  });
});

describe("a picture's id in astro:asset-imports", () => {
  it("is Astro's own imageSrcToImportId", async () => {
    const astro = (await import(
      pathToFileURL(join(ROOT, 'node_modules/astro/dist/assets/utils/resolveImports.js')).href
    )) as { imageSrcToImportId(src: string, filePath: string): string };
    for (const [image, file] of [
      ['./podium.jpg', 'tests/fixtures/archive/fixture-embassy-visit/index.mdx'],
      ['./a b/ü.png', 'src/content/articles/x y.mdx'],
    ] as const) {
      expect(assetImportId(image, file)).toBe(astro.imageSrcToImportId(image, file));
    }
  });
});

describe("a body's key", () => {
  const digests = rendererDigests(ROOT);
  const body = (text: string) => `---\nheadline: x\n---\n\n${text}\n`;

  it('reads the components a body uses from its tags, not from code', () => {
    expect(usedComponents('<PullQuote speaker="A">x</PullQuote>\n<Tweet />\n`<Figure>` in code\n')).toEqual([
      'PullQuote',
      'Tweet',
    ]);
  });

  it('changes with the text, and with the code of a component the body uses, not with another', () => {
    const quote = body('<PullQuote speaker="A">Words.</PullQuote>');
    const plain = body('Words.');
    expect(renderKey(quote, digests)).toMatch(/^[0-9a-f]{32}$/);
    expect(renderKey(quote, digests)).toBe(renderKey(quote, rendererDigests(ROOT)));
    expect(renderKey(body('Other words.'), digests)).not.toBe(renderKey(plain, digests));
    const edited = { ...digests, components: { ...digests.components, PullQuote: 'edited' } };
    expect(renderKey(quote, edited)).not.toBe(renderKey(quote, digests));
    expect(renderKey(plain, edited)).toBe(renderKey(plain, digests));
    expect(renderKey(plain, { ...digests, pipeline: 'edited' })).not.toBe(renderKey(plain, digests));
    expect(Object.keys(digests.components).sort()).toEqual(['Figure', 'PullQuote', 'Tweet', 'Update']);
  });
});

describe('the body cache', () => {
  it('keeps whole bodies under their key, and says when one cannot be read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'news-bodies-'));
    const key = 'ab'.repeat(16);
    expect(hasRenderedBody(key, dir)).toBe(false);
    const body = {
      html: '<p>x</p>',
      metadata: { headings: [], frontmatter: { wordCount: 1 }, pictures: [] },
    };
    writeRenderedBody(key, body, dir);
    expect(hasRenderedBody(key, dir)).toBe(true);
    expect(readRenderedBody(key, dir)).toEqual(body);
    writeFileSync(bodyCachePath(key, dir), '{"html":');
    expect(() => readRenderedBody(key, dir)).toThrow(/cannot be read.*--force/);
  });
});
