import { describe, expect, it } from 'vitest';
import { authorSchema } from '../../src/schemas/author';
import { TweetSchema } from '../../src/schemas/tweet';
import { testArticleSchema } from '../helpers/article-schema';

/**
 * Every URL a frontmatter, a person's file or a component prop gives is shown to readers as a
 * link (an author's links, a post's address, a syndicated copy's canonical URL) or is the address
 * of a picture on X shown as a plain link (a post's `media`): https only, so no script scheme,
 * however it is written, and no http link, ever reaches a page (see docs/trust-model.md).
 */
const HOSTILE = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'http://example.org/',
  '//example.org/',
];

const article = {
  headline: 'A headline',
  dek: 'A dek.',
  byline: 'JNS',
  published: '2023-03-29',
  section: 'world',
  tags: ['Israel'],
};
const tweet = { name: 'Eli Cohen', handle: 'elicoh1', date: '2023-03-29', lang: 'en', text: 'History!' };

/** Each URL field: whether it takes `url`. */
const fields: Record<string, (url: string) => boolean> = {
  'article canonical': (url) => testArticleSchema.safeParse({ ...article, canonical: url }).success,
  'author links': (url) =>
    authorSchema.safeParse({ name: 'Dana Cohen', role: 'Reporter', links: [url] }).success,
  'tweet url': (url) => TweetSchema.safeParse({ ...tweet, url }).success,
  'tweet media': (url) => TweetSchema.safeParse({ ...tweet, media: url }).success,
};

describe('URL fields of frontmatter, people and props', () => {
  it.each(Object.keys(fields))('%s refuses script, data and plain-http addresses', (field) => {
    for (const url of HOSTILE) expect(fields[field]?.(url), JSON.stringify(url)).toBe(false);
  });

  it.each(Object.keys(fields))('%s takes an https address', (field) => {
    expect(fields[field]?.('https://x.com/elicoh1/status/1640999999999999999')).toBe(true);
  });
});
