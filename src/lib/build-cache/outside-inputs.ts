/**
 * What an article's page and its feed items show from outside its own entry, which Astro's digest
 * of the entry (its frontmatter and body) does not cover: the people it names (their names and
 * links in the byline, the JSON-LD and each feed item) and the bytes of its lead photograph (the
 * renditions' file names are hashed from them, and a photo may be replaced under the same name,
 * a face blurred). Pages keyed for incremental builds (src/lib/build-cache/cache-keys.ts) carry these in
 * their keys, so editing a person's file or a photograph renders them again.
 */
import { dirname } from 'node:path';
import type { Article } from '../articles/query';
import { storedBodyOf } from '../bodies/stored';
import { fromRoot } from '../site/project-root';
import { sourceFile } from '../cards/input';
import { fileDigest } from './file-digest';
import { authorsOf, type Author } from '../people/authors';
import { updatesShownAt } from '../live/context';
import { publishedUpdates } from '../live/updates';

/** What an article shows from outside its entry: the extras its cache keys carry. */
export interface OutsideInputs {
  /** The people it names, in byline order (entries: a key stands each as its digest). */
  readonly people: Author[];
  /** SHA-256 of its lead photograph's file, when it has one. */
  readonly photo: string | undefined;
  /**
   * A live page's published updates (their anchors): which are shown depends on the build's
   * instant, not on the file, so an update whose time has come renders the page again. Absent
   * for an article without updates, whose key stays what it was.
   */
  readonly updates?: readonly string[];
  /**
   * SHA-256 of each picture in a body rendered ahead of time (src/lib/bodies/): its HTML leaves
   * the pictures to the page, and Astro, which hashes the modules of a body it renders itself,
   * does not see them. Absent for any other body.
   */
  readonly bodyPictures?: readonly string[];
}

/**
 * SHA-256 (hex) of an article's lead photograph's file, or undefined without one.
 * @example leadPhotoDigest(article) // '9b0e…' (64 hex digits)
 */
export function leadPhotoDigest(article: Pick<Article, 'data'>): string | undefined {
  const { image } = article.data;
  return image && fileDigest(sourceFile(image.src));
}

/** {@link OutsideInputs} of an article, its people looked up in `authors` (see `getAuthors`). */
export function outsideInputsOf(
  article: Pick<Article, 'data' | 'rendered' | 'digest' | 'filePath'>,
  authors: readonly Author[],
): OutsideInputs {
  return {
    people: authorsOf(article, authors),
    photo: leadPhotoDigest(article),
    ...shownUpdates(article),
    ...bodyPictures(article),
  };
}

/**
 * `{ bodyPictures }`: the digests of the pictures in a body rendered ahead of time (see
 * {@link OutsideInputs.bodyPictures}); `{}` for any other body, and for one without pictures.
 */
export function bodyPictures(article: Pick<Article, 'data' | 'rendered' | 'digest' | 'filePath'>): {
  bodyPictures?: string[];
} {
  const pictures = storedBodyOf(article)?.metadata.pictures ?? [];
  if (pictures.length === 0 || !article.filePath) return {};
  const folder = dirname(fromRoot(`./${article.filePath}`));
  return { bodyPictures: pictures.map((picture) => fileDigest(`${folder}/${picture}`)) };
}

/**
 * `{ updates }`: the anchors of a live page's updates shown at this build's instant; `{}` for
 * an article without updates (so the keys of other pages do not change).
 */
export function shownUpdates(article: Pick<Article, 'data'>): { updates?: string[] } {
  if (!article.data.updates?.length) return {};
  return { updates: publishedUpdates(article, updatesShownAt()).map((update) => update.anchor) };
}
