import { readFileSync } from 'node:fs';
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Article } from '../articles/query';
import { hasAuthorFiles } from '../articles/source-globs';
import { fieldPosition } from '../authoring/field-locator';
import { authoringError } from '../authoring/problem';
import { siteConfig } from '../../site.config';

/** A person who writes for the site, as stored in the `authors` collection. */
export type Author = CollectionEntry<'authors'>;

/** What the people checks need of an article (tests can pass plain objects). */
type Authored = Pick<Article, 'id' | 'filePath'> & { data: Pick<Article['data'], 'authors'> };

let all: Promise<Author[]> | undefined;

/**
 * Everyone, by name (in the site's locale), read once per build. No one yet (no file in
 * src/content/authors/) is a valid site: then the collection is not asked for, as Astro warns
 * about an empty one.
 */
export function getAuthors(): Promise<Author[]> {
  const load = async () => {
    if (!hasAuthorFiles(process.env.NEWS_FIXTURES === '1', process.cwd())) return [];
    const authors = await getCollection('authors');
    return authors.sort(
      (a, b) => a.data.name.localeCompare(b.data.name, siteConfig.locale) || a.id.localeCompare(b.id),
    );
  };
  if (import.meta.env.DEV) return load();
  all ??= load();
  return all;
}

/** An article's source, read from its `filePath` (relative to the project, where the build runs); undefined if unreadable. */
function readSource(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Fails the build when an article names someone with no file in `src/content/authors/`, naming
 * the article, the line of the first such slug (when the source can be read), the slug and the
 * slugs that do exist.
 * @param source reads an article's source by its `filePath`, for the line; by default, from disk
 */
export function assertAuthorsExist(
  articles: readonly Authored[],
  authors: readonly Pick<Author, 'id'>[],
  source: (file: string) => string | undefined = readSource,
): void {
  const known = new Set(authors.map((author) => author.id));
  for (const article of articles) {
    const named = article.data.authors ?? [];
    const unknown = named.filter((slug) => !known.has(slug));
    if (unknown.length === 0) continue;
    const file = article.filePath ?? article.id;
    const list = [...known].sort().join(', ');
    const names = `names ${unknown.map((slug) => `"${slug}"`).join(', ')}, who ${unknown.length > 1 ? 'have' : 'has'} no file in src/content/authors/.`;
    const hint =
      known.size > 0
        ? `The authors are: ${list}. Correct the slug, or add src/content/authors/${unknown[0]}.md (see "People and corrections" in docs/writing.md).`
        : `There are no authors yet: add src/content/authors/${unknown[0]}.md (see "People and corrections" in docs/writing.md).`;
    // The content layer keeps no frontmatter source, so the line is found in the file itself.
    const contents = article.filePath ? source(article.filePath) : undefined;
    const at = contents && fieldPosition(contents, ['authors', named.indexOf(unknown[0] ?? '')]);
    throw authoringError(
      file,
      at ? { ...at, field: 'authors', message: names, hint } : { message: `authors ${names}`, hint },
    );
  }
}

/**
 * Everyone by slug, once per list of authors: every article page and feed item looks its people
 * up, and a map made per call would cost articles × people, which grows with the square of the
 * archive when the roster grows with it (as in the bench's, one person per 50 articles).
 */
const byIdOf = new WeakMap<readonly Author[], Map<string, Author>>();

/**
 * The people an article names, in byline order. (Every slug is known: `getPublishedArticles`
 * checked them with {@link assertAuthorsExist}.)
 */
export function authorsOf(article: Pick<Article, 'data'>, authors: readonly Author[]): Author[] {
  let byId = byIdOf.get(authors);
  if (!byId) {
    byId = new Map(authors.map((author) => [author.id, author]));
    byIdOf.set(authors, byId);
  }
  return (article.data.authors ?? []).flatMap((slug) => byId.get(slug) ?? []);
}

/**
 * Names joined as the locale writes a list: in en-US, "Dana Cohen and Yusuf Aliyev" and
 * "A, B, and C" (with the serial comma; en-GB writes "A, B and C") — as parts, so a page can make
 * each name a link. Parts of type "element" are the names, in the order given.
 * @example listParts(['Dana Cohen', 'Yusuf Aliyev'], 'en-US') // [{ type: 'element', value: 'Dana Cohen' }, { type: 'literal', value: ' and ' }, …]
 */
export function listParts(
  names: readonly string[],
  locale: string,
): { type: 'element' | 'literal'; value: string }[] {
  let format = listFormats.get(locale);
  if (!format) {
    format = new Intl.ListFormat(locale, { type: 'conjunction', style: 'long' });
    listFormats.set(locale, format);
  }
  return format.formatToParts(names);
}

/** One list formatter per locale (making one costs more than using it; every byline uses one). */
const listFormats = new Map<string, Intl.ListFormat>();
