import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { localImagesPlugin } from '../../src/lib/photos/local-images-plugin';
import { ROOT } from '../helpers/build';
import { errorOf } from '../helpers/errors';

const FIXTURES = join(ROOT, 'tests/fixtures/broken-photos');

/**
 * Compiles the fixture `name` with the plugin, as the build compiles an article placed in
 * src/content/articles/ (the plugin names files relative to the project, the tests' working
 * folder): the image paths are read against that folder, where the fixture's photos are not.
 */
const compile = (name: string) =>
  mdxToJs(readFileSync(join(FIXTURES, name), 'utf8'), {
    mdastPlugins: [localImagesPlugin],
    fileURL: pathToFileURL(join(ROOT, 'src/content/articles', name)),
  });

describe('localImagesPlugin', () => {
  it('imports an image a <Figure> names by a relative path', () => {
    const { code } = mdxToJs(
      '<Figure src="./photos/ok.jpg" alt="A grey test card" credit="JNS graphics" />',
      {
        mdastPlugins: [localImagesPlugin],
        fileURL: pathToFileURL(join(FIXTURES, 'figure.mdx')),
      },
    );
    expect(code).toContain('import __newsLocalImage0 from "./photos/ok.jpg";');
  });

  // The messages a build of tests/fixtures/broken-photos/ prints (there as an MDXError, with the
  // same message and hint), pinned without a build; the build keeps one (broken-photos.test.ts).
  it('names the component, its line and the path it looked for when the image is not there', async () => {
    expect(await errorOf(() => compile('figure-missing-file.mdx'))).toMatchInlineSnapshot(`
      {
        "hint": "Put the image there, or correct the path (it is relative to src/content/articles/figure-missing-file.mdx).",
        "message": "<Figure> in src/content/articles/figure-missing-file.mdx, line 12: src "./photos/map.png" does not exist: looked for src/content/articles/photos/map.png",
        "name": "AstroUserError",
      }
    `);
  });

  it('refuses a format the site does not take, naming the ones it does', async () => {
    expect(await errorOf(() => compile('figure-unsupported-format.mdx'))).toMatchInlineSnapshot(`
      {
        "hint": "Fix the src of the <Figure>.",
        "message": "<Figure> in src/content/articles/figure-unsupported-format.mdx, line 12: src "./photos/photo.gif" is a .gif file; the site takes JPEG, PNG, WebP or AVIF: export it as one of those.",
        "name": "AstroUserError",
      }
    `);
  });

  it('checks a <Tweet>’s saved photo as it checks a <Figure>’s image', async () => {
    expect(await errorOf(() => compile('tweet-missing-media-file.mdx'))).toMatchInlineSnapshot(`
      {
        "hint": "Put the image there, or correct the path (it is relative to src/content/articles/tweet-missing-media-file.mdx).",
        "message": "<Tweet> in src/content/articles/tweet-missing-media-file.mdx, line 18: media "./photos/post.jpg" does not exist: looked for src/content/articles/photos/post.jpg",
        "name": "AstroUserError",
      }
    `);
  });
});
