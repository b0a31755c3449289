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

// One build a path by which a picture's mistake reaches the build: the lead photograph's file,
// checked as the article loads (src/lib/articles/loader.ts), and an image in the body, checked as
// the MDX compiles (src/lib/photos/local-images-plugin.ts). The wording of each mistake (a
// missing alt or credit, a wrong size or format) is pinned without a build, on these fixtures:
// tests/unit/images.test.ts (the lead photograph), local-images-plugin.test.ts and figure.test.ts.
describe('a photograph with a mistake fails the build, naming the file, the field and the fix', () => {
  it('a lead photograph that is not there, checked as the article loads', () => {
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

  it('an image in the body that is not there, checked as the MDX compiles', () => {
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
});
