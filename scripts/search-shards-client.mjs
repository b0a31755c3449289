// Pagefind's search API over the site's year shards, run in the reader's browser. The build copies
// this file to pagefind/shards.js; pagefind/pagefind.js (scripts/search-shards.mjs, facadeModule)
// calls shardedPagefind with the years, so the search page loads the same module as with one index.
//
// Why not Pagefind's own mergeIndex: Pagefind scores a page with BM25 over its own bundle (how many
// of the year's pages hold the word, the year's page count and average page length), and a bundle
// with no word starting with a query term falls back to the longest word the term starts with, as
// for a typo. Merged as they come, the years' scores do not compare ("talks" put 2024 above 2023,
// the other way round from one index) and a year without the word adds pages that only hold "a"
// ("agreement": 1 result became 12). So each year is searched in Pagefind's playground mode, which
// returns, per result, the statistics its score was made of; those are put together across years
// as one index would have them, the fallback is kept only where one index would fall back the
// same way, and every result is scored again with the archive's statistics.
//
// Pagefind's module API exposes no playground mode, so this talks to Pagefind's own web worker
// (pagefind-worker.js, in each bundle) by its message protocol: { id, instanceId, method, args }
// answered by { id, result | error }, one worker instance per year. The protocol and the scoring
// below are Pagefind 1.6's (pagefind_web/src/search.rs); the version is pinned in package.json,
// and every score is first recomputed with the year's own statistics and compared with the one
// Pagefind returned, so a Pagefind that scores differently is reported, not silently misranked.

/** Pagefind's default ranking weights (RankingWeights::default). */
const DEFAULT_RANKING = {
  termSaturation: 1.4,
  pageLength: 0.75,
  termFrequency: 1.0,
  diacriticSimilarity: 0.8,
};

/**
 * BM25 inverse document frequency as Pagefind computes it (calculate_idf).
 * @param {number} totalPages @param {number} pagesWithTerm
 */
export function idf(totalPages, pagesWithTerm) {
  return Math.log((totalPages - pagesWithTerm + 0.5) / (pagesWithTerm + 0.5) + 1);
}

/**
 * Pagefind's term frequency for one word on one page (calculate_bm25_word_score, without the IDF).
 * @param {{ weightedFrequency: number, lengthBonus: number, pageLength: number, averagePageLength: number }} word
 * @param {typeof DEFAULT_RANKING} ranking
 */
export function termFrequency({ weightedFrequency, lengthBonus, pageLength, averagePageLength }, ranking) {
  const x = weightedFrequency * lengthBonus;
  const k1 = ranking.termSaturation;
  const b = ranking.pageLength;
  const bm25 = ((k1 + 1) * x) / (k1 * (1 - b + b * (pageLength / averagePageLength)) + x);
  const raw = Math.min(x / (averagePageLength / 5), k1 + 1);
  return (1 - ranking.termFrequency) * raw + ranking.termFrequency * bm25;
}

/**
 * A query as Pagefind's search() normalises it before stemming, split into its words (the
 * "original" terms its diacritic bonus compares with).
 * @param {string} query
 */
export function queryWords(query) {
  let term = '';
  for (const char of query) {
    if (!/^\p{Pd}|\p{Pe}|\p{Pf}|\p{Pi}|\p{Po}|\p{Ps}$/u.test(char)) term += char.toLocaleLowerCase();
  }
  return term
    .replace(/\s{2,}/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/** @param {string} original @param {string} form */
const diacriticsMatch = (original, form) =>
  form === original || form.startsWith(original) || original.startsWith(form);

/**
 * @typedef {{ w: string, s: number, params: { w_tf: number, pct: number, lb: number } }} WordScore
 * @typedef {{ fn: string, fw: number, mt: string[], cb: number }} MetaScore
 * @typedef {{ id: string, score: number, params?: { document_length: number },
 *   scores?: { search_term: string, score: number, params: { weighted_term_frequency: number, pages_containing_term: number, length_bonus: number } }[],
 *   verbose_meta_scores?: { field_name: string, field_weight: number, matched_terms: string[], coverage_boost: number }[] }} ShardResult
 *   one result of a year's search in playground mode, as Pagefind's worker returns it
 * @typedef {{ pages: number, words: number }} ShardSize how many pages a year's bundle holds and
 *   their words in all (Pagefind's page lengths)
 * @typedef {{ count: number, word: string | null, extension: boolean }} TermMatch how a year
 *   matched one query term: on how many pages, and whether by words starting with it
 *   (`extension`) or by the longest word it starts with (`word`, Pagefind's typo fallback)
 */

/**
 * How one year matched a query term, from its search for that term alone.
 * @param {string} stem the term as Pagefind stemmed it
 * @param {{ unfilteredResultCount: number, results: ShardResult[] }} response
 * @returns {TermMatch}
 */
export function termMatch(stem, response) {
  const words = response.results.flatMap((result) => (result.scores ?? []).map((score) => score.search_term));
  const fallback = words.find((word) => !word.startsWith(stem));
  return {
    count: response.unfilteredResultCount,
    word: fallback ?? null,
    extension: response.unfilteredResultCount > 0 && fallback === undefined,
  };
}

/**
 * For each query term, which years one index over every year would match it in, and on how many
 * pages in all: the years whose words start with the term; if none has such a word, the years
 * whose longest word the term starts with is the longest of all (one index falls back to that one);
 * a term that no year has is left out, as Pagefind leaves it out.
 * @param {TermMatch[][]} matches matches[year][term]
 * @returns {{ kept: boolean[], counts: number[] }} whether each year's results stand, and each
 *   term's page count over the kept years
 */
export function keptShards(matches) {
  const terms = matches[0]?.length ?? 0;
  const kept = matches.map(() => true);
  const counts = [];
  for (let t = 0; t < terms; t++) {
    const anyExtension = matches.some((year) => year[t]?.extension);
    const longest = Math.max(
      0,
      ...matches.map((year) => (year[t]?.count ? (year[t]?.word?.length ?? 0) : 0)),
    );
    let count = 0;
    // A term no year has any word for is left out of the search, by one index as by each year.
    if (matches.every((year) => !year[t]?.count)) {
      counts.push(0);
      continue;
    }
    matches.forEach((year, y) => {
      const match = year[t];
      const stands = anyExtension
        ? Boolean(match?.extension)
        : Boolean(match && match.count > 0 && (match.word?.length ?? 0) === longest);
      if (stands && match) count += match.count;
      else kept[y] = false;
    });
    counts.push(count);
  }
  return { kept, counts };
}

/**
 * Scores a result of one year again with statistics of the whole archive, as one index would
 * score it (SearchIndex::search_term): each matched word's BM25 with the archive's page count,
 * average page length and the term's page count over every year, and the metadata (title) boost
 * from the same IDFs. Also returns the score recomputed with the year's own statistics, which
 * must equal Pagefind's.
 * @param {ShardResult} result
 * @param {{ stems: string[], originals: string[], matches: TermMatch[], size: ShardSize }} year
 *   the query's stems and normalised words, how this year matched each term, its size
 * @param {{ counts: number[], size: ShardSize }} archive each term's page count over the
 *   kept years, and the whole archive's size
 * @param {typeof DEFAULT_RANKING} ranking
 * @returns {{ score: number, check: number }}
 */
export function rescore(result, year, archive, ranking = DEFAULT_RANKING) {
  const termOf = (/** @type {string} */ word) => {
    const index = year.stems.findIndex((stem, t) =>
      year.matches[t]?.extension ? word.startsWith(stem) : word === year.matches[t]?.word,
    );
    if (index < 0) throw new Error(`search shards: "${word}" matches no term of "${year.stems.join(' ')}"`);
    return index;
  };
  const pageLength = result.params?.document_length ?? 0;
  /** @param {number} pages @param {number} words @param {(t: number) => number} count */
  const score = (pages, words, count) => {
    const averagePageLength = words / pages;
    let body = 0;
    for (const word of result.scores ?? []) {
      const t = termOf(word.search_term);
      const bonus = diacriticsMatch(year.originals[t] ?? '', word.search_term)
        ? 1 + ranking.diacriticSimilarity
        : 1;
      const tf = termFrequency(
        {
          weightedFrequency: word.params.weighted_term_frequency,
          lengthBonus: word.params.length_bonus,
          pageLength,
          averagePageLength,
        },
        ranking,
      );
      body += idf(pages, count(t)) * tf * bonus;
    }
    const total = year.stems.reduce((sum, _, t) => sum + idf(pages, count(t)), 0);
    let meta = 0;
    for (const field of result.verbose_meta_scores ?? []) {
      const terms = new Set(field.matched_terms.map(termOf));
      const matched = [...terms].reduce((sum, t) => sum + idf(pages, count(t)), 0);
      if (total > 0) meta += field.field_weight * matched * (matched / total) ** 2;
    }
    return body + meta;
  };
  return {
    score: score(archive.size.pages, archive.size.words, (t) => archive.counts[t] ?? 0),
    check: score(year.size.pages, year.size.words, (t) => year.matches[t]?.count ?? 0),
  };
}

/**
 * Pagefind's module API (options, init, search, debouncedSearch, preload, filters, destroy) over
 * every year's bundle, with results ranked as one index of the whole archive would rank them.
 * @param {URL} base the folder that holds the years' bundles (pagefind/)
 * @param {readonly string[]} years newest first
 */
export function shardedPagefind(base, years) {
  /** @type {Record<string, unknown>} */
  let userOptions = {};
  /** @type {Map<string, Worker>} */
  const workers = new Map();
  /** @type {Map<string, { resolve: (value: any) => void, reject: (error: Error) => void }>} */
  const pending = new Map();
  let nextId = 0;
  /** @type {Promise<ShardSize[]> | undefined} */
  let ready;
  let searchId = 0;
  let warned = false;

  /** @param {string} year @param {string} method @param {unknown[]} args @returns {Promise<any>} */
  const call = (year, method, args = []) =>
    new Promise((resolve, reject) => {
      const worker = workers.get(year);
      if (!worker) return reject(new Error(`search shards: no worker for ${year}`));
      const id = `shards_${nextId++}`;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, instanceId: 'year', method, args });
    });

  /** @param {MessageEvent} event */
  const answer = (event) => {
    const { id, result, error } = event.data;
    const waiting = pending.get(id);
    if (!waiting) return;
    pending.delete(id);
    if (error) waiting.reject(new Error(error));
    else waiting.resolve(result);
  };

  // One worker a year, each its bundle's own pagefind-worker.js: Pagefind's WebAssembly is one
  // module-wide instance, so two bundles opened in one worker would share (and break) its memory;
  // Pagefind's mergeIndex avoids that, but returns the years' results already mixed.
  const start = () =>
    (ready ??= (async () => {
      const language = (document.documentElement.getAttribute('lang') || 'unknown').toLowerCase();
      return Promise.all(
        years.map(async (year) => {
          const folder = new URL(`${year}/`, base);
          const worker = new Worker(new URL('pagefind-worker.js', folder));
          worker.addEventListener('message', answer);
          workers.set(year, worker);
          await call(year, 'init', [{ ...userOptions, basePath: folder.pathname, language, primary: true }]);
          await call(year, 'enterPlaygroundMode');
          // Every page of the year, with its length: the year's size in the archive's statistics.
          /** @type {{ results: ShardResult[] }} */
          const all = await call(year, 'search', [null, {}]);
          return {
            pages: all.results.length,
            words: all.results.reduce((sum, r) => sum + (r.params?.document_length ?? 0), 0),
          };
        }),
      );
    })());

  /** @param {string} year @param {any} raw */
  const withData = (year, raw) => ({ ...raw, data: () => call(year, 'getData', [raw.data]) });

  /** @param {string | null} term @param {{ filters?: object, sort?: object }} [options] */
  const search = async (term, options = {}) => {
    const sizes = await start();
    const responses = await Promise.all(years.map((year) => call(year, 'search', [term, options])));
    const exact = typeof term === 'string' && /^\s*".+"\s*$/.test(term);
    const sorted = options.sort && Object.keys(options.sort).length > 0;
    const stems = /** @type {string[]} */ (responses[0]?.search_keywords ?? []);
    let kept = years.map(() => true);
    /** @type {number[]} */
    let counts = [];
    /** @type {TermMatch[][]} */
    let matches = [];
    const originals = queryWords(term ?? '');
    const rankable = !exact && stems.length > 0 && originals.length === stems.length;
    if (rankable) {
      // How each year matched each term alone, unfiltered: the statistics one index scores with.
      const alone =
        stems.length === 1 && !options.filters
          ? responses.map((response) => [response])
          : await Promise.all(
              years.map((year) => Promise.all(originals.map((word) => call(year, 'search', [word, {}])))),
            );
      matches = alone.map((perTerm) => perTerm.map((response, t) => termMatch(stems[t] ?? '', response)));
      ({ kept, counts } = keptShards(matches));
    }
    const archive = {
      counts,
      size: {
        pages: sizes.reduce((sum, size) => sum + size.pages, 0),
        words: sizes.reduce((sum, size) => sum + size.words, 0),
      },
    };
    const merged = [];
    for (const [y, response] of responses.entries()) {
      if (!kept[y]) continue;
      for (const raw of response.results) {
        let score = raw.score;
        if (rankable && !sorted) {
          const again = rescore(
            raw,
            { stems, originals, matches: matches[y] ?? [], size: sizes[y] ?? { pages: 0, words: 0 } },
            archive,
          );
          if (!warned && Math.abs(again.check - raw.score) > 1e-3 * Math.max(1, raw.score)) {
            warned = true;
            console.error(
              `search shards: Pagefind scored a result ${raw.score}, recomputed ${again.check}; ` +
                'its scoring has changed (scripts/search-shards-client.mjs), ranking across years may be off',
            );
          }
          score = again.score;
        }
        merged.push({ year: y, result: withData(years[y] ?? '', { ...raw, score }) });
      }
    }
    // A sort key's order within a year is Pagefind's; across years, the newest year first when
    // descending: exact for the publication date, which the years partition.
    if (sorted) {
      const ascending = Object.values(/** @type {object} */ (options.sort))[0] === 'asc';
      merged.sort((a, b) => (ascending ? b.year - a.year : a.year - b.year));
    } else merged.sort((a, b) => b.result.score - a.result.score || a.year - b.year);
    const keptResponses = responses.filter((_, y) => kept[y]);
    return {
      results: merged.map((entry) => entry.result),
      unfilteredResultCount: keptResponses.reduce((sum, r) => sum + r.unfilteredResultCount, 0),
      filters: sumFilters(keptResponses.map((r) => r.filters)),
      totalFilters: sumFilters(keptResponses.map((r) => r.totalFilters)),
      timings: responses.map((r) => r.timings),
    };
  };

  return {
    /** @param {Record<string, unknown>} options */
    options: async (options) => {
      userOptions = { ...userOptions, ...options };
      if (ready) {
        await ready;
        await Promise.all(years.map((year) => call(year, 'options', [options])));
      }
    },
    init: async () => void (await start()),
    destroy: async () => {
      for (const worker of workers.values()) worker.terminate();
      workers.clear();
      ready = undefined;
      for (const waiting of pending.values()) waiting.reject(new Error('Pagefind was destroyed'));
      pending.clear();
    },
    mergeIndex: async () => {
      throw new Error('search shards: the years are merged already; mergeIndex is not supported');
    },
    search,
    /** @param {string} term @param {object} options @param {number} [debounce] */
    debouncedSearch: async (term, options, debounce = 300) => {
      const id = ++searchId;
      await new Promise((resolve) => setTimeout(resolve, debounce));
      if (id !== searchId) return null;
      const result = await search(term, options);
      return id === searchId ? result : null;
    },
    /** @param {string} term @param {object} [options] */
    preload: async (term, options = {}) => {
      await start();
      await Promise.all(years.map((year) => call(year, 'preload', [term, options])));
    },
    filters: async () => {
      await start();
      return sumFilters(await Promise.all(years.map((year) => call(year, 'filters'))));
    },
  };
}

/**
 * Filter counts of several years added up, as one index counts them.
 * @param {Record<string, Record<string, number>>[]} all
 */
export function sumFilters(all) {
  /** @type {Record<string, Record<string, number>>} */
  const sum = {};
  for (const filters of all) {
    for (const [name, values] of Object.entries(filters ?? {})) {
      const into = (sum[name] ??= {});
      for (const [value, count] of Object.entries(values)) into[value] = (into[value] ?? 0) + count;
    }
  }
  return sum;
}
