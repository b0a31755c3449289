/**
 * Which feeds exist and what each carries: every section's and tag's scope, the published
 * articles in a scope, and the `getStaticPaths` of the routes under `/feeds/`. Apart from
 * `./scopes` (naming only, importable without Astro), since this reads the content collection.
 */
import { siteConfig } from '../../site.config';
import { outsideInputsOf } from '../build-cache/outside-inputs';
import { getPublishedArticles, type Article } from '../articles/query';
import { cacheKeyOf } from '../build-cache/cache-keys';
import { allCorrections } from '../people/corrections';
import { groupByAuthor, groupByTag } from '../listings/groups';
import { getAuthors } from '../people/authors';
import { SECTIONS, SECTION_LABELS } from '../listings/sections';
import { buildsFront } from '../parts/current';
import { liveScope, type FeedScope, type LiveScope, type NarrowScope } from './scopes';

/** Tag groups per published-articles array: every tag feed needs them, computed once per build. */
const tagGroups = new WeakMap<readonly Article[], ReturnType<typeof groupByTag<Article>>>();

function tagsOf(articles: readonly Article[]): ReturnType<typeof groupByTag<Article>> {
  let groups = tagGroups.get(articles);
  if (!groups) {
    groups = groupByTag(articles);
    tagGroups.set(articles, groups);
  }
  return groups;
}

/** Author groups per published-articles array: one pass over the archive for every author's feed. */
const authorGroups = new WeakMap<readonly Article[], Promise<Map<string, Article[]>>>();

function authorsOf(articles: readonly Article[]): Promise<Map<string, Article[]>> {
  let groups = authorGroups.get(articles);
  if (!groups) {
    groups = getAuthors().then((authors) =>
      groupByAuthor(
        articles,
        authors.map((author) => author.id),
      ),
    );
    authorGroups.set(articles, groups);
  }
  return groups;
}

/**
 * Every section, tag and person that has feeds: all sections (an empty one gets an empty, valid
 * feed, since its page exists and advertises it), every tag a published article carries, as the
 * tag pages, and every author (their page exists, articles or not).
 */
export async function feedScopes(): Promise<NarrowScope[]> {
  const tags = tagsOf(await getPublishedArticles());
  return [
    ...SECTIONS.map((section): NarrowScope => ({
      kind: 'section',
      slug: section,
      label: SECTION_LABELS[section],
    })),
    ...[...tags].map(([slug, { name }]): NarrowScope => ({ kind: 'tag', slug, label: name })),
    ...(await getAuthors()).map((author): NarrowScope => ({
      kind: 'author',
      slug: author.id,
      label: author.data.name,
    })),
  ];
}

/**
 * The published articles a feed draws from, newest first, before the item limit; for the
 * corrections feed, the corrected articles, the latest notice first.
 */
export async function articlesInScope(scope: FeedScope): Promise<Article[]> {
  const articles = await getPublishedArticles();
  switch (scope.kind) {
    case 'site':
      return articles;
    case 'section':
      return articles.filter((article) => article.data.section === scope.slug);
    case 'tag':
      return tagsOf(articles).get(scope.slug)?.articles ?? [];
    case 'author':
      return (await authorsOf(articles)).get(scope.slug) ?? [];
    case 'corrections':
      return [...new Set(allCorrections(articles).map(({ article }) => article))];
    case 'live':
      return articles.filter((article) => article.id === scope.slug);
  }
}

/** The articles a feed carries: {@link articlesInScope}, cut to `siteConfig.feedItemLimit`. */
export async function articlesInFeed(scope: FeedScope): Promise<Article[]> {
  return (await articlesInScope(scope)).slice(0, siteConfig.feedItemLimit);
}

/**
 * `getStaticPaths` for the routes under `/feeds/<kind>/<slug>/`: one page per {@link feedScopes}.
 * Each is keyed (for incremental builds) by the articles it carries, with their people and lead
 * photographs (see `outsideInputsOf`); an empty feed by its scope alone (its date is the fixed
 * `siteConfig.launched`, part of the code the key already covers).
 */
export async function feedScopePaths(): Promise<
  {
    params: { kind: NarrowScope['kind']; slug: string };
    props: { scope: NarrowScope };
    cacheKey: string;
  }[]
> {
  // The front's feeds: a year slice holds none of them (src/lib/parts/).
  if (!buildsFront) return [];
  const paths = [];
  const authors = await getAuthors();
  for (const scope of await feedScopes()) {
    const carried = await articlesInFeed(scope);
    // Each item shows its article's people and lead photograph too (src/lib/feed/items.ts).
    const shown = carried.map((article) => ({ article, ...outsideInputsOf(article, authors) }));
    paths.push({
      params: { kind: scope.kind, slug: scope.slug },
      props: { scope },
      cacheKey: cacheKeyOf({ scope }, shown),
    });
  }
  return paths;
}

/**
 * `getStaticPaths` for a live page's feeds (`/feeds/live/<id>/…`): one per published article with
 * `coverage`, live or ended. Keyed like the scoped feeds, by the article (its digest covers its
 * updates), its people and photograph, and which of its updates are published (see
 * `outsideInputsOf`): an update whose time has come changes the feed without changing the file.
 */
export async function liveFeedPaths(): Promise<
  { params: { slug: string }; props: { scope: LiveScope }; cacheKey: string }[]
> {
  if (!buildsFront) return [];
  const authors = await getAuthors();
  return (await getPublishedArticles())
    .filter((article) => article.data.coverage)
    .map((article) => {
      const scope = liveScope(article);
      return {
        params: { slug: scope.slug },
        props: { scope },
        cacheKey: cacheKeyOf({ scope }, [{ article, ...outsideInputsOf(article, authors) }]),
      };
    });
}
