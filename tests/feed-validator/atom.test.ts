import { describe, expect, it } from 'vitest';
import { renderAtom } from '../../src/lib/feed/atom';
import type { FeedChannel, FeedItem } from '../../src/lib/feed/model';
import { ATOM_RULES, checkAtomFeed, type AtomRuleId } from './atom';
import { itChecksEveryRule, type BrokenFeed } from './rule-tests';

const ATOM_URL = 'https://news.example.com/atom.xml';

/**
 * The fixture with `from` replaced by `to`. Throws when `from` is absent, so a fixture can never
 * silently be the valid feed (and pass for the wrong reason).
 */
const replace = (source: string, from: string, to: string): string => {
  if (!source.includes(from)) throw new Error(`fixture text not found: ${from}`);
  return source.replace(from, to);
};

const ENTRY = `
  <entry>
    <id>https://news.example.com/articles/azerbaijan/</id>
    <title type="text">Azerbaijan opens embassy in Israel</title>
    <link rel="alternate" type="text/html" href="https://news.example.com/articles/azerbaijan/"/>
    <link rel="enclosure" type="image/jpeg" href="https://news.example.com/_astro/lead.jpg" title="Stalls at dusk"/>
    <published>2023-03-29T00:00:00+03:00</published>
    <updated>2023-03-29T00:00:00+03:00</updated>
    <author><name>JNS</name></author>
    <category term="World"/>
    <summary type="text">The two nations’ foreign ministers met in Jerusalem.</summary>
    <content type="html">&lt;p&gt;Cohen &lt;a href="https://x.com/elicoh1"&gt;posted&lt;/a&gt; it.&lt;/p&gt;</content>
  </entry>`;

/** An Atom feed around the given entries, shaped like the one the site builds. */
const atomFeed = (entries: string): string => `<?xml version="1.0" encoding="utf-8"?>
<?xml-stylesheet href="/feed.xsl" type="text/xsl"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>https://news.example.com/atom.xml</id>
  <title type="text">JNS Wire</title>
  <subtitle type="text">Reports.</subtitle>
  <updated>2023-03-29T00:00:00+03:00</updated>
  <author><name>JNS Wire</name></author>
  <link rel="self" type="application/atom+xml" href="https://news.example.com/atom.xml"/>
  <link rel="alternate" type="text/html" href="https://news.example.com/"/>${entries}
</feed>`;

const VALID_ATOM = atomFeed(ENTRY);
const atom = (from: string, to: string, xml = VALID_ATOM): string => replace(xml, from, to);
/** The valid entry's HTML content with `html` (already XML-escaped) appended. */
const atomHtml = (html: string): string => atom('it.&lt;/p&gt;</content>', `it.&lt;/p&gt;${html}</content>`);
const checkAtom = (xml: string, contentType?: string) =>
  checkAtomFeed(xml, contentType === undefined ? { feedUrl: ATOM_URL } : { feedUrl: ATOM_URL, contentType });

const BROKEN_ATOM: BrokenFeed<AtomRuleId>[] = [
  { rule: 'well-formed', breaks: 'an unescaped "&" in the title', source: atom('JNS Wire', 'JNS & Wire') },
  { rule: 'well-formed', breaks: 'mismatched tags', source: atom('</subtitle>', '</subtitel>') },
  {
    rule: 'root',
    breaks: 'a feed element outside the Atom namespace',
    source: atom('<feed xmlns="http://www.w3.org/2005/Atom"', '<feed xmlns="http://www.w3.org/2005/Atom/"'),
    mentions: 'http://www.w3.org/2005/Atom/',
  },
  { rule: 'root', breaks: 'an RSS document', source: '<rss version="2.0"><channel/></rss>' },
  {
    rule: 'feed-required',
    breaks: 'a feed without an id',
    source: atom('<id>https://news.example.com/atom.xml</id>', ''),
    mentions: 'no <id>',
  },
  {
    rule: 'feed-required',
    breaks: 'a feed with two titles',
    source: atom('<title type="text">JNS Wire</title>', '<title>JNS Wire</title><title>Again</title>'),
  },
  {
    rule: 'feed-required',
    breaks: 'a feed without updated',
    source: atom('<updated>2023-03-29T00:00:00+03:00</updated>\n  <author>', '<author>'),
  },
  {
    rule: 'author',
    breaks: 'no author on the feed or the entry',
    source: atom('<author><name>JNS Wire</name></author>', '', atom('<author><name>JNS</name></author>', '')),
  },
  {
    rule: 'author',
    breaks: 'an author without a name',
    source: atom(
      '<author><name>JNS</name></author>',
      '<author><uri>https://news.example.com/</uri></author>',
    ),
  },
  {
    rule: 'author',
    breaks: 'an empty feed without an author',
    source: replace(atomFeed(''), '<author><name>JNS Wire</name></author>', ''),
  },
  {
    rule: 'self-link',
    breaks: 'no self link',
    source: atom(
      '<link rel="self" type="application/atom+xml" href="https://news.example.com/atom.xml"/>',
      '',
    ),
  },
  {
    rule: 'self-link',
    breaks: 'a self link naming another address',
    source: atom('href="https://news.example.com/atom.xml"', 'href="https://news.example.com/rss.xml"'),
    mentions: 'https://news.example.com/rss.xml',
  },
  {
    rule: 'self-link',
    breaks: 'a self link with the RSS media type',
    source: atom('rel="self" type="application/atom+xml"', 'rel="self" type="application/rss+xml"'),
  },
  {
    rule: 'link-absolute',
    breaks: 'a relative entry link',
    source: atom(
      'type="text/html" href="https://news.example.com/articles/azerbaijan/"',
      'type="text/html" href="/articles/azerbaijan/"',
    ),
    mentions: '/articles/azerbaijan/',
  },
  {
    rule: 'link-absolute',
    breaks: 'a javascript: alternate link',
    source: atom('href="https://news.example.com/"', 'href="javascript:alert(1)"'),
  },
  {
    rule: 'link-absolute',
    breaks: 'a relative enclosure href',
    source: atom('href="https://news.example.com/_astro/lead.jpg"', 'href="/_astro/lead.jpg"'),
    mentions: '"/_astro/lead.jpg"',
  },
  {
    rule: 'enclosure',
    breaks: 'an enclosure without a type',
    source: atom('rel="enclosure" type="image/jpeg"', 'rel="enclosure"'),
    mentions: 'has no type',
  },
  {
    rule: 'enclosure',
    breaks: 'an enclosure whose type is not a media type',
    source: atom('rel="enclosure" type="image/jpeg"', 'rel="enclosure" type="jpeg"'),
    mentions: '"jpeg"',
  },
  {
    rule: 'enclosure',
    breaks: 'an enclosure length that is not a number of bytes',
    source: atom('title="Stalls at dusk"', 'title="Stalls at dusk" length="52 kB"'),
    mentions: '"52 kB"',
  },
  {
    rule: 'entry-required',
    breaks: 'an entry without a title',
    source: atom('<title type="text">Azerbaijan opens embassy in Israel</title>', ''),
  },
  {
    rule: 'entry-required',
    breaks: 'an entry without an id',
    source: atom('<id>https://news.example.com/articles/azerbaijan/</id>', ''),
  },
  {
    rule: 'entry-required',
    breaks: 'an entry without updated',
    source: atom('<updated>2023-03-29T00:00:00+03:00</updated>\n    <author>', '<author>'),
  },
  {
    rule: 'entry-required',
    breaks: 'an entry with no link to its page',
    source: atom(
      '<link rel="alternate" type="text/html" href="https://news.example.com/articles/azerbaijan/"/>',
      '',
    ),
  },
  {
    rule: 'id',
    breaks: 'two entries with one id',
    source: atomFeed(ENTRY + ENTRY.replace('Azerbaijan opens', 'Another')),
    mentions: 'repeats the id of entry 1',
  },
  {
    rule: 'id',
    breaks: 'a relative entry id',
    source: atom('<id>https://news.example.com/articles/azerbaijan/</id>', '<id>/articles/azerbaijan/</id>'),
  },
  {
    rule: 'rfc3339-dates',
    breaks: 'an RFC 822 date',
    source: atom(
      '<published>2023-03-29T00:00:00+03:00</published>',
      '<published>Tue, 28 Mar 2023 21:00:00 GMT</published>',
    ),
    mentions: 'Tue, 28 Mar 2023',
  },
  {
    rule: 'rfc3339-dates',
    breaks: 'a date without a zone',
    source: atom(
      '<updated>2023-03-29T00:00:00+03:00</updated>\n  <author>',
      '<updated>2023-03-29T00:00:00</updated>\n  <author>',
    ),
  },
  {
    rule: 'rfc3339-dates',
    breaks: 'an offset without a colon',
    source: atom(
      '<published>2023-03-29T00:00:00+03:00</published>',
      '<published>2023-03-29T00:00:00+0300</published>',
    ),
  },
  {
    rule: 'rfc3339-dates',
    breaks: 'a 30 February',
    source: atom(
      '<published>2023-03-29T00:00:00+03:00</published>',
      '<published>2023-02-30T00:00:00Z</published>',
    ),
    mentions: 'not a real date',
  },
  {
    rule: 'text-construct',
    breaks: 'a title of an unknown type',
    source: atom('<title type="text">JNS Wire</title>', '<title type="text/plain">JNS Wire</title>'),
  },
  {
    rule: 'content',
    breaks: 'an entry without content',
    source: atom(ENTRY.slice(ENTRY.indexOf('<content')), '\n  </entry>'),
  },
  {
    rule: 'content',
    breaks: 'content held elsewhere',
    source: atom(
      ENTRY.slice(ENTRY.indexOf('<content')),
      '<content type="text/html" src="https://news.example.com/a/"/>\n  </entry>',
    ),
  },
  {
    rule: 'content',
    breaks: 'empty content',
    source: atom(ENTRY.slice(ENTRY.indexOf('<content')), '<content type="html"> </content>\n  </entry>'),
  },
  {
    rule: 'content',
    breaks: 'unescaped HTML elements in html content',
    source: atom(
      ENTRY.slice(ENTRY.indexOf('<content')),
      '<content type="html"><p xmlns="">x</p></content>\n  </entry>',
    ),
  },
  {
    rule: 'content',
    breaks: 'a relative link in the content',
    source: atomHtml('&lt;a href="/b/"&gt;b&lt;/a&gt;'),
    mentions: '"/b/"',
  },
  {
    rule: 'content',
    breaks: 'a relative srcset candidate in the content',
    source: atomHtml(
      '&lt;img src="https://news.example.com/a.jpg" srcset="https://news.example.com/a.jpg 1x, /b.jpg 2x" alt=""&gt;',
    ),
    mentions: '"/b.jpg"',
  },
  {
    rule: 'content',
    breaks: 'a relative srcset candidate after a comma with no space',
    source: atomHtml(
      '&lt;img src="https://news.example.com/a.jpg" srcset="https://news.example.com/a.jpg 480w,/b.jpg 800w" alt=""&gt;',
    ),
    mentions: '"/b.jpg"',
  },
  {
    rule: 'content',
    breaks: 'a script in the content',
    source: atomHtml('&lt;script&gt;x()&lt;/script&gt;'),
  },
  {
    rule: 'content',
    breaks: 'a <picture> in the content',
    source: atomHtml(
      '&lt;picture&gt;&lt;source srcset="https://news.example.com/a.webp"&gt;&lt;img src="https://news.example.com/a.jpg" alt="A"&gt;&lt;/picture&gt;',
    ),
    mentions: '<picture>',
  },
  {
    rule: 'content',
    breaks: 'an image without alt text in the content',
    source: atomHtml('&lt;img src="https://news.example.com/a.jpg"&gt;'),
    mentions: 'has no alt text',
  },
  {
    rule: 'content',
    breaks: 'an event handler in the content',
    source: atomHtml('&lt;img src="https://a.example/i.png" onerror="x()"&gt;'),
  },
  {
    rule: 'category',
    breaks: 'a category without a term',
    source: atom('<category term="World"/>', '<category label="World"/>'),
  },
  { rule: 'language', breaks: 'a made-up xml:lang', source: atom('xml:lang="en"', 'xml:lang="zz"') },
  {
    rule: 'content-type',
    breaks: 'served as HTML',
    source: VALID_ATOM,
    contentType: 'text/html; charset=utf-8',
  },
  {
    rule: 'content-type',
    breaks: 'a charset other than the document’s',
    source: VALID_ATOM,
    contentType: 'application/atom+xml; charset=iso-8859-1',
  },
];

describe('checkAtomFeed', () => {
  itChecksEveryRule({
    check: checkAtom,
    valid: VALID_ATOM,
    rules: ATOM_RULES,
    broken: BROKEN_ATOM,
    acceptedContentTypes: [
      'application/atom+xml; charset=utf-8',
      'application/xml',
      'text/xml; charset="UTF-8"',
    ],
  });

  it('accepts an entry without an enclosure, and an enclosure with its length', () => {
    const enclosure =
      '<link rel="enclosure" type="image/jpeg" href="https://news.example.com/_astro/lead.jpg" title="Stalls at dusk"/>';
    expect(checkAtom(atom(enclosure, ''))).toEqual([]);
    expect(checkAtom(atom('title="Stalls at dusk"', 'length="53073"'))).toEqual([]);
  });

  it('accepts an author on every entry instead of the feed, and an empty feed with its own author', () => {
    expect(checkAtom(atom('<author><name>JNS Wire</name></author>', ''))).toEqual([]);
    expect(checkAtom(atomFeed(''))).toEqual([]);
  });

  it('accepts dates in UTC, with a fraction, and a tag: URI as an id', () => {
    const xml = atom(
      '<published>2023-03-29T00:00:00+03:00</published>',
      '<published>2023-03-28T21:00:00.5Z</published>',
      atom(
        '<id>https://news.example.com/articles/azerbaijan/</id>',
        '<id>tag:news.example.com,2023:azerbaijan</id>',
      ),
    );
    expect(checkAtom(xml)).toEqual([]);
  });

  it('names the entry, its title and the value in a message', () => {
    expect(checkAtom(atom('<category term="World"/>', '<category term=" "/>'))).toEqual([
      {
        rule: 'category',
        message: 'entry 1 ("Azerbaijan opens embassy in Israel") has a <category> without a term',
      },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// The site's own serializer, checked by the same rules
// ---------------------------------------------------------------------------------------------

describe('the site’s Atom feeds', () => {
  const channel = (feedUrl: string): FeedChannel => ({
    title: 'JNS Wire',
    description: 'Reports.',
    lang: 'en',
    homeUrl: 'https://news.example.com/',
    feedUrl,
    author: 'JNS Wire',
    updated: new Date('2023-03-28T21:00:00Z'),
    timeZone: 'Asia/Jerusalem',
  });
  const hostile = '</title><script>alert(1)</script>]]><![CDATA[x & y';
  const items: FeedItem[] = [
    {
      permalink: 'https://news.example.com/articles/a/',
      title: hostile,
      description: hostile,
      published: new Date('2023-03-28T21:00:00Z'),
      updated: new Date('2023-03-29T06:00:00Z'),
      categories: ['World', hostile],
      authors: [{ name: hostile }],
      contentHtml: `<p>${hostile.replace(/</g, '&lt;')} <a href="https://news.example.com/b/">b</a></p>`,
    },
    {
      permalink: 'https://news.example.com/articles/b/',
      title: 'B',
      description: 'B.',
      published: new Date('2023-03-27T21:00:00Z'),
      categories: ['Israel'],
      authors: [{ name: 'JNS' }],
      contentHtml: '<p>B</p>',
    },
  ];

  it('pass the Atom rules, with hostile text and when empty', () => {
    expect(checkAtom(renderAtom(channel(ATOM_URL), items), 'application/atom+xml; charset=utf-8')).toEqual(
      [],
    );
    expect(checkAtom(renderAtom(channel(ATOM_URL), []))).toEqual([]);
  });
});
