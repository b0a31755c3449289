import { describe, expect, it } from 'vitest';
import {
  idf,
  keptShards,
  queryWords,
  rescore,
  sumFilters,
  termMatch,
} from '../../scripts/search-shards-client.mjs';

/** A result of a year's playground search: one matched word, as Pagefind's worker returns it. */
const result = (
  word: string,
  {
    pct,
    wtf = 1,
    lb = 1,
    dl = 100,
    title = false,
    score = 0,
  }: Record<string, number | boolean | string> & { pct: number },
) => ({
  id: `page-${word}`,
  score: Number(score),
  params: { document_length: Number(dl) },
  scores: [
    {
      search_term: word,
      score: 0,
      params: { weighted_term_frequency: Number(wtf), pages_containing_term: pct, length_bonus: Number(lb) },
    },
  ],
  verbose_meta_scores: title
    ? [{ field_name: 'title', field_weight: 5, matched_terms: [word], coverage_boost: 0 }]
    : [],
});

describe('termMatch', () => {
  it('tells words starting with the term from the typo fallback to a shorter word', () => {
    expect(termMatch('talk', { unfilteredResultCount: 2, results: [result('talks', { pct: 2 })] })).toEqual({
      count: 2,
      word: null,
      extension: true,
    });
    expect(termMatch('agreement', { unfilteredResultCount: 9, results: [result('a', { pct: 9 })] })).toEqual({
      count: 9,
      word: 'a',
      extension: false,
    });
    expect(termMatch('zzz', { unfilteredResultCount: 0, results: [] })).toEqual({
      count: 0,
      word: null,
      extension: false,
    });
  });
});

describe('keptShards', () => {
  const ext = (count: number) => ({ count, word: null, extension: true });
  const fallback = (word: string, count: number) => ({ count, word, extension: false });
  const none = { count: 0, word: null, extension: false };

  it('drops the years that only fall back when another year has words starting with the term', () => {
    // "agreement": 2022 has it, 2023 and 2024 fall back to "a".
    expect(keptShards([[fallback('a', 8)], [fallback('a', 3)], [ext(1)]])).toEqual({
      kept: [false, false, true],
      counts: [1],
    });
  });

  it('keeps the years whose fallback is the longest when no year has the term', () => {
    expect(keptShards([[fallback('agre', 2)], [fallback('a', 3)], [fallback('agre', 1)]])).toEqual({
      kept: [true, false, true],
      counts: [3],
    });
  });

  it('adds the page counts of a term over the years, and leaves out a term no year has', () => {
    expect(
      keptShards([
        [ext(2), none],
        [ext(3), none],
        [none, none],
      ]),
    ).toEqual({
      kept: [true, true, false],
      counts: [5, 0],
    });
  });
});

describe('rescore', () => {
  const year = (pages: number, count: number) => ({
    stems: ['talk'],
    originals: ['talks'],
    matches: [{ count, word: null, extension: true }],
    size: { pages, words: pages * 100 },
  });

  it("scores with the archive's statistics, and with the year's own as Pagefind did", () => {
    const page = result('talks', { pct: 1 });
    const archive = { counts: [2], size: { pages: 12, words: 1200 } };
    const { score, check } = rescore(page, year(3, 1), archive);
    // Same page length as the average, weighted frequency 1: BM25's tf is (k1 + 1) / (k1 + 1) = 1,
    // and the diacritic bonus of a word equal to the query is 1.8.
    expect(score).toBeCloseTo(idf(12, 2) * 1.8, 6);
    expect(check).toBeCloseTo(idf(3, 1) * 1.8, 6);
    // A rarer word in the archive than in its year ranks higher than its year alone said.
    expect(score).toBeGreaterThan(check);
  });

  it('adds the title boost from the same IDFs', () => {
    const page = result('talks', { pct: 1, title: true });
    const { score } = rescore(page, year(3, 1), { counts: [2], size: { pages: 12, words: 1200 } });
    expect(score).toBeCloseTo(idf(12, 2) * 1.8 + 5 * idf(12, 2), 6);
  });

  it('refuses a word that matches no term of the query', () => {
    expect(() =>
      rescore(result('budget', { pct: 1 }), year(3, 1), { counts: [2], size: { pages: 12, words: 1200 } }),
    ).toThrow('"budget" matches no term of "talk"');
  });
});

describe('queryWords', () => {
  it('lowercases and drops punctuation as Pagefind does before stemming', () => {
    expect(queryWords('  Border,  TALKS! ')).toEqual(['border', 'talks']);
  });
});

describe('sumFilters', () => {
  it("adds the years' counts of each filter value", () => {
    expect(sumFilters([{ section: { Israel: 2, World: 1 } }, { section: { Israel: 1 } }])).toEqual({
      section: { Israel: 3, World: 1 },
    });
  });
});
