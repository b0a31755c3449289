import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import sharp from 'sharp';
import { authoringError } from '../authoring/problem';
import { extensionProblem, sizeProblem } from './rules';

/**
 * The lead photograph's check as an article loads (its frontmatter's `image.src`, before the
 * schema resolves it): the file is there, in a format the site takes, and big enough for the
 * page and the structured-data crops (`sizeProblem` in rules.ts). The articles' loader
 * (src/lib/articles/loader.ts) calls it for every article with an image.
 */

/** Fails the build, naming the article, the field (its message starts with it) and the fix. */
function fail(file: string, message: string, hint: string): never {
  throw authoringError(file, { message, hint });
}

const HINT =
  'The lead image is a file next to the article, e.g. image:\n  src: ./harvest/lead.jpg\n  alt: …\n  credit: …\nSee "Photographs" in docs/writing.md.';

/**
 * Checks an article's `image.src`: written as a relative path to a JPEG, PNG, WebP or AVIF file
 * that exists, at least 1,200 px wide, tall enough for 50,000-pixel crops, and at most 8,000 px on
 * either side (`sizeProblem`).
 * @param filePath the article's absolute path
 * @param data its frontmatter, not yet parsed
 * @param root the project root, for paths in messages
 */
export async function checkLeadImage(
  filePath: string,
  data: Record<string, unknown>,
  root: URL,
): Promise<void> {
  const image = data['image'];
  if (image === undefined || image === null || typeof image !== 'object') return; // the schema says why
  const file = relative(root.pathname, filePath);
  const src: unknown = (image as Record<string, unknown>)['src'];
  if (src === undefined) {
    fail(
      file,
      'image.src is required: the photo’s path relative to this file, e.g. src: ./harvest/lead.jpg',
      HINT,
    );
  }
  if (typeof src !== 'string' || /^[a-z][a-z0-9+.-]*:|^\//i.test(src)) {
    fail(
      file,
      `image.src must be a path relative to this file, e.g. src: ./harvest/lead.jpg, received ${JSON.stringify(src)}`,
      'A URL or an absolute path is not processed: keep the photo in a folder next to the article.',
    );
  }
  const extension = extensionProblem(src);
  if (extension) fail(file, `image.src ${src} ${extension}.`, HINT);
  const resolved = resolve(dirname(filePath), src);
  if (!existsSync(resolved)) {
    fail(
      file,
      `image.src ${src} does not exist: looked for ${relative(root.pathname, resolved)}`,
      `Put the photo there, or correct the path (it is relative to ${file}).`,
    );
  }
  const { width, height, format } = await sharp(resolved).metadata();
  const size = {
    width: width ?? 0,
    height: height ?? 0,
    format: format === 'heif' ? 'avif' : String(format),
  };
  const problem = sizeProblem(size, 'lead');
  if (problem) fail(file, `image.src ${src} ${problem}.`, HINT);
}
