import { describe, expect, it } from 'vitest';
import { checkRssFeed, RSS_RULES, type RssRuleId } from './rss';
import { itChecksEveryRule, type BrokenFeed } from './rule-tests';

const FEED_URL = 'https://news.example.com/rss.xml';

/** The item's picture in Media RSS, as the site writes a lead photograph. */
const MEDIA = `<media:content url="https://news.example.com/_astro/lead.jpg" medium="image" type="image/jpeg" width="1200" height="800">
        <media:credit>Miriam Levi/JNS</media:credit>
        <media:description type="plain">Stalls under white awnings beside a wheat field at dusk</media:description>
        <media:title type="plain">The festival grounds on Sunday evening.</media:title>
      </media:content>`;

const ITEM = `
    <item>
      <title>Azerbaijan opens embassy in Israel</title>
      <link>https://news.example.com/articles/azerbaijan/</link>
      <guid isPermaLink="true">https://news.example.com/articles/azerbaijan/</guid>
      <description>The two nations’ foreign ministers met in Jerusalem.</description>
      <pubDate>Tue, 28 Mar 2023 21:00:00 GMT</pubDate>
      <category>World</category>
      <dc:creator>JNS</dc:creator>
      <content:encoded>&lt;p&gt;Cohen &lt;a href=&quot;https://x.com/elicoh1&quot;&gt;posted&lt;/a&gt; it.&lt;/p&gt;</content:encoded>
      ${MEDIA}
    </item>`;

/** A feed around the given items, shaped like the one the site builds. */
const feed = (items: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>JNS Wire</title>
    <link>https://news.example.com/</link>
    <description>Reports.</description>
    <language>en</language>
    <lastBuildDate>Tue, 28 Mar 2023 21:00:00 GMT</lastBuildDate>
    <atom:link href="https://news.example.com/rss.xml" rel="self" type="application/rss+xml"/>${items}
  </channel>
</rss>`;

const VALID = feed(ITEM);

/**
 * The valid feed with `from` replaced by `to`. Throws when `from` is absent, so a fixture can never
 * silently be the valid feed (and pass for the wrong reason).
 */
const variant = (from: string, to: string, xml = VALID): string => {
  if (!xml.includes(from)) throw new Error(`fixture text not found: ${from}`);
  return xml.replace(from, to);
};

/** The valid feed with a second copy of its item, edited by `edit`. */
const twoItems = (edit: (item: string) => string): string => feed(ITEM + edit(ITEM));

/** The valid item's content:encoded with `html` (already XML-escaped) appended. */
const withHtml = (html: string): string =>
  variant('it.&lt;/p&gt;</content:encoded>', `it.&lt;/p&gt;${html}</content:encoded>`);

const check = (xml: string, contentType?: string) =>
  checkRssFeed(xml, contentType === undefined ? { feedUrl: FEED_URL } : { feedUrl: FEED_URL, contentType });

const BROKEN: BrokenFeed<RssRuleId>[] = [
  { rule: 'well-formed', breaks: 'an unescaped "&" in the title', source: variant('JNS Wire', 'JNS & Wire') },
  {
    rule: 'well-formed',
    breaks: 'a dc: prefix used without its declaration',
    source: variant(' xmlns:dc="http://purl.org/dc/elements/1.1/"', ''),
  },
  { rule: 'well-formed', breaks: 'mismatched tags', source: variant('</title>', '</titel>') },
  // xmldom silently repairs the next four; the checker's own scan catches them.
  {
    rule: 'well-formed',
    breaks: 'an unescaped "&" in an attribute',
    source: variant('rel="self"', 'rel="self" title="News & views"'),
    mentions: 'bare "&"',
  },
  {
    rule: 'well-formed',
    breaks: '"]]>" in text',
    source: variant('<description>Reports.</description>', '<description>Reports ]]> more.</description>'),
    mentions: ']]>',
  },
  {
    rule: 'well-formed',
    breaks: 'a reference to the NUL character',
    source: variant('<description>Reports.</description>', '<description>Reports&#0;</description>'),
    mentions: '&#0;',
  },
  {
    rule: 'well-formed',
    breaks: 'a raw control character',
    source: variant('<description>Reports.</description>', '<description>Reports\u0008</description>'),
    mentions: 'U+0008',
  },
  {
    rule: 'root',
    breaks: 'version="0.91"',
    source: variant('version="2.0"', 'version="0.91"'),
    mentions: '0.91',
  },
  {
    rule: 'root',
    breaks: 'a root element other than rss',
    source: variant('</rss>', '</feed>', variant('<rss ', '<feed ')),
    mentions: '<feed>',
  },
  {
    rule: 'root',
    breaks: 'a second channel',
    source: variant('</channel>', '</channel><channel><title>Other</title></channel>'),
  },
  {
    rule: 'channel-required',
    breaks: 'a channel without a title',
    source: variant('<title>JNS Wire</title>', ''),
    mentions: '<title>',
  },
  {
    rule: 'channel-required',
    breaks: 'an empty channel description',
    source: variant('<description>Reports.</description>', '<description> </description>'),
    mentions: '<description>',
  },
  {
    rule: 'channel-link-absolute',
    breaks: 'a relative channel link',
    source: variant('<link>https://news.example.com/</link>', '<link>/</link>'),
    mentions: '"/"',
  },
  {
    rule: 'channel-link-absolute',
    breaks: 'an ftp channel link',
    source: variant('<link>https://news.example.com/</link>', '<link>ftp://news.example.com/</link>'),
    mentions: 'ftp://news.example.com/',
  },
  {
    rule: 'language',
    breaks: 'a POSIX locale as language',
    source: variant('<language>en</language>', '<language>en_US</language>'),
    mentions: 'en_US',
  },
  {
    rule: 'language',
    breaks: 'a language name instead of a code',
    source: variant('<language>en</language>', '<language>english</language>'),
    mentions: 'english',
  },
  {
    rule: 'language',
    breaks: 'an unassigned language code',
    source: variant('<language>en</language>', '<language>zz</language>'),
    mentions: 'zz',
  },
  {
    rule: 'atom-self',
    breaks: 'a self link to another URL',
    source: variant('href="https://news.example.com/rss.xml"', 'href="http://news.example.com/rss.xml"'),
    mentions: 'http://news.example.com/rss.xml',
  },
  {
    rule: 'atom-self',
    breaks: 'a self link with the Atom media type',
    source: variant('type="application/rss+xml"', 'type="application/atom+xml"'),
    mentions: 'application/atom+xml',
  },
  {
    rule: 'atom-self',
    breaks: 'a missing self link',
    source: variant(
      '<atom:link href="https://news.example.com/rss.xml" rel="self" type="application/rss+xml"/>',
      '',
    ),
  },
  {
    rule: 'item-required',
    breaks: 'an item with neither title nor description',
    source: variant(
      '<description>The two nations’ foreign ministers met in Jerusalem.</description>',
      '',
      variant('<title>Azerbaijan opens embassy in Israel</title>', ''),
    ),
    mentions: 'item 1',
  },
  {
    rule: 'item-required',
    breaks: 'an item without a link',
    source: variant('<link>https://news.example.com/articles/azerbaijan/</link>', ''),
    mentions: '<link>',
  },
  {
    rule: 'item-link-absolute',
    breaks: 'a relative item link',
    source: variant(
      '<link>https://news.example.com/articles/azerbaijan/</link>',
      '<link>/articles/azerbaijan/</link>',
    ),
    mentions: '/articles/azerbaijan/',
  },
  {
    rule: 'item-link-absolute',
    breaks: 'a javascript: item link',
    source: variant(
      '<link>https://news.example.com/articles/azerbaijan/</link>',
      '<link>javascript:alert(1)</link>',
    ),
    mentions: 'javascript:alert(1)',
  },
  {
    rule: 'guid',
    breaks: 'an item without a guid',
    source: variant('<guid isPermaLink="true">https://news.example.com/articles/azerbaijan/</guid>', ''),
    mentions: '<guid>',
  },
  {
    rule: 'guid',
    breaks: 'two items with the same guid',
    source: twoItems((item) => item.replace('<title>Azerbaijan', '<title>Again: Azerbaijan')),
    mentions: 'repeats',
  },
  {
    rule: 'guid',
    breaks: 'a permalink guid that is not a URL',
    source: variant('https://news.example.com/articles/azerbaijan/</guid>', 'azerbaijan-2023</guid>'),
    mentions: 'azerbaijan-2023',
  },
  {
    rule: 'guid',
    breaks: 'a guid without isPermaLink (so a permalink) that is not a URL',
    source: variant(
      '<guid isPermaLink="true">https://news.example.com/articles/azerbaijan/</guid>',
      '<guid>tag:news.example.com,2023:azerbaijan</guid>',
    ),
    mentions: 'tag:news.example.com,2023:azerbaijan',
  },
  {
    rule: 'guid',
    breaks: 'an isPermaLink that is not a boolean',
    source: variant('isPermaLink="true"', 'isPermaLink="yes"'),
    mentions: 'yes',
  },
  {
    rule: 'rfc822-dates',
    breaks: 'a two-digit year',
    source: variant('<pubDate>Tue, 28 Mar 2023 21:00:00 GMT', '<pubDate>Tue, 28 Mar 23 21:00:00 GMT'),
    mentions: 'two-digit year',
  },
  {
    rule: 'rfc822-dates',
    breaks: 'an ISO 8601 date',
    source: variant('<pubDate>Tue, 28 Mar 2023 21:00:00 GMT', '<pubDate>2023-03-28T21:00:00Z'),
    mentions: '2023-03-28T21:00:00Z',
  },
  {
    rule: 'rfc822-dates',
    breaks: 'a day-name that does not match the date',
    source: variant('<pubDate>Tue, 28 Mar 2023', '<pubDate>Wed, 28 Mar 2023'),
    mentions: 'Wed',
  },
  {
    rule: 'rfc822-dates',
    breaks: 'a day that does not exist',
    source: variant('<pubDate>Tue, 28 Mar 2023', '<pubDate>31 Feb 2023'),
    mentions: '31 Feb 2023',
  },
  {
    rule: 'rfc822-dates',
    breaks: 'an hour that does not exist',
    source: variant('<pubDate>Tue, 28 Mar 2023 21:00:00', '<pubDate>Tue, 28 Mar 2023 24:00:00'),
    mentions: '24:00:00',
  },
  {
    rule: 'rfc822-dates',
    breaks: 'a zone abbreviation RFC 822 does not define',
    source: variant('<pubDate>Tue, 28 Mar 2023 21:00:00 GMT', '<pubDate>Tue, 28 Mar 2023 21:00:00 IST'),
    mentions: 'IST',
  },
  {
    rule: 'rfc822-dates',
    breaks: 'a lowercase month (which the validator only half-accepts)',
    source: variant('<pubDate>Tue, 28 Mar 2023', '<pubDate>Tue, 28 mar 2023'),
    mentions: '28 mar 2023',
  },
  {
    rule: 'rfc822-dates',
    breaks: 'a channel lastBuildDate that is not RFC 822',
    source: variant(
      '<lastBuildDate>Tue, 28 Mar 2023 21:00:00 GMT',
      '<lastBuildDate>Tuesday, 28 March 2023 21:00:00 GMT',
    ),
    mentions: 'channel <lastBuildDate>',
  },
  {
    rule: 'rfc822-dates',
    breaks: 'an item without a pubDate',
    source: variant('<pubDate>Tue, 28 Mar 2023 21:00:00 GMT</pubDate>', ''),
    mentions: '<pubDate>',
  },
  {
    rule: 'namespaces',
    breaks: 'the content namespace without its trailing slash',
    source: variant(
      'xmlns:content="http://purl.org/rss/1.0/modules/content/"',
      'xmlns:content="http://purl.org/rss/1.0/modules/content"',
    ),
    mentions: 'http://purl.org/rss/1.0/modules/content"',
  },
  {
    rule: 'namespaces',
    breaks: 'the atom prefix bound to the old Atom 0.3 namespace',
    source: variant('xmlns:atom="http://www.w3.org/2005/Atom"', 'xmlns:atom="http://purl.org/atom/ns#"'),
    mentions: 'http://purl.org/atom/ns#',
    // The self link is then not an Atom element at all.
    alsoBreaks: ['atom-self'],
  },
  {
    rule: 'namespaces',
    breaks: 'an unused dc declaration with the wrong URI',
    source: variant(
      '<dc:creator>JNS</dc:creator>',
      '',
      variant('xmlns:dc="http://purl.org/dc/elements/1.1/"', 'xmlns:dc="http://purl.org/dc/terms/"'),
    ),
    mentions: 'http://purl.org/dc/terms/',
  },
  {
    rule: 'namespaces',
    breaks: 'an element Dublin Core does not define',
    source: variant('<dc:creator>JNS</dc:creator>', '<dc:author>JNS</dc:author>'),
    mentions: 'dc:author',
  },
  {
    rule: 'content-encoded-absolute-urls',
    breaks: 'a relative link in content:encoded',
    source: variant('href=&quot;https://x.com/elicoh1&quot;', 'href=&quot;/articles/other/&quot;'),
    mentions: '/articles/other/',
  },
  {
    rule: 'content-encoded-absolute-urls',
    breaks: 'a protocol-relative image in content:encoded',
    source: withHtml('&lt;img src=&quot;//cdn.example.com/a.jpg&quot; alt=&quot;&quot;&gt;'),
    mentions: '//cdn.example.com/a.jpg',
  },
  {
    rule: 'content-encoded-absolute-urls',
    breaks: 'a relative srcset candidate in content:encoded',
    source: withHtml(
      '&lt;img src=&quot;https://news.example.com/a.jpg&quot; srcset=&quot;https://news.example.com/a.jpg 1x, /b.jpg 2x&quot; alt=&quot;&quot;&gt;',
    ),
    mentions: '/b.jpg',
  },
  {
    rule: 'content-encoded-absolute-urls',
    breaks: 'a relative srcset candidate after a comma with no space',
    source: withHtml(
      '&lt;img src=&quot;https://news.example.com/a.jpg&quot; srcset=&quot;https://news.example.com/a.jpg 480w,/b.jpg 800w&quot; alt=&quot;&quot;&gt;',
    ),
    mentions: '"/b.jpg"',
  },
  {
    rule: 'content-encoded-absolute-urls',
    breaks: 'a relative blockquote cite in content:encoded',
    source: withHtml('&lt;blockquote cite=&quot;source.html&quot;&gt;Q&lt;/blockquote&gt;'),
    mentions: 'source.html',
  },
  {
    rule: 'content-encoded-absolute-urls',
    breaks: 'a relative video poster in content:encoded',
    source: withHtml(
      '&lt;video src=&quot;https://news.example.com/v.mp4&quot; poster=&quot;v.jpg&quot;&gt;&lt;/video&gt;',
    ),
    mentions: 'v.jpg',
  },
  {
    rule: 'content-encoded-absolute-urls',
    breaks: 'a javascript: link in content:encoded',
    source: variant('href=&quot;https://x.com/elicoh1&quot;', 'href=&quot;javascript:alert(1)&quot;'),
    mentions: 'javascript:alert(1)',
  },
  {
    rule: 'content-encoded-absolute-urls',
    breaks: 'a script in content:encoded',
    source: withHtml('&lt;script&gt;alert(1)&lt;/script&gt;'),
    mentions: '<script>',
  },
  {
    rule: 'content-encoded-absolute-urls',
    breaks: 'a style element in content:encoded',
    source: withHtml('&lt;style&gt;p { color: red }&lt;/style&gt;'),
    mentions: '<style>',
  },
  {
    rule: 'content-encoded-absolute-urls',
    breaks: 'an iframe in content:encoded',
    source: withHtml('&lt;iframe src=&quot;https://x.com/embed&quot;&gt;&lt;/iframe&gt;'),
    mentions: '<iframe>',
  },
  {
    rule: 'content-encoded-absolute-urls',
    breaks: 'an event handler attribute in content:encoded, whatever its case',
    source: withHtml(
      '&lt;img src=&quot;https://news.example.com/a.jpg&quot; alt=&quot;&quot; ONERROR=&quot;alert(1)&quot;&gt;',
    ),
    mentions: 'onerror',
  },
  {
    rule: 'content-encoded-absolute-urls',
    breaks: 'unescaped markup as XML children of content:encoded',
    source: variant(
      /<content:encoded>.*<\/content:encoded>/.exec(VALID)?.[0] ?? '',
      '<content:encoded><p xmlns="http://www.w3.org/1999/xhtml">Cohen posted it.</p></content:encoded>',
    ),
    mentions: 'child elements',
  },
  {
    rule: 'content-encoded-absolute-urls',
    breaks: 'a <picture> in content:encoded',
    source: withHtml(
      '&lt;picture&gt;&lt;source srcset=&quot;https://news.example.com/a.avif&quot; type=&quot;image/avif&quot;&gt;' +
        '&lt;img src=&quot;https://news.example.com/a.jpg&quot; alt=&quot;A&quot;&gt;&lt;/picture&gt;',
    ),
    mentions: '<picture>',
  },
  {
    rule: 'content-encoded-absolute-urls',
    breaks: 'an image without alt text in content:encoded',
    source: withHtml('&lt;img src=&quot;https://news.example.com/a.jpg&quot;&gt;'),
    mentions: 'has no alt text',
  },
  {
    rule: 'media-content',
    breaks: 'a relative media:content url',
    source: variant('url="https://news.example.com/_astro/lead.jpg"', 'url="/_astro/lead.jpg"'),
    mentions: '"/_astro/lead.jpg" is not an absolute',
  },
  {
    rule: 'media-content',
    breaks: 'a media:content without a url',
    source: variant('url="https://news.example.com/_astro/lead.jpg" ', ''),
    mentions: 'has no url',
  },
  {
    rule: 'media-content',
    breaks: 'a media:content that is not an image',
    source: variant('medium="image"', 'medium="video"'),
    mentions: '"video"',
  },
  {
    rule: 'media-content',
    breaks: 'a media:content without a medium',
    source: variant('medium="image" ', ''),
    mentions: 'medium is missing',
  },
  {
    rule: 'media-content',
    breaks: 'a media:content whose type is not an image type',
    source: variant('type="image/jpeg"', 'type="text/html"'),
    mentions: 'text/html',
  },
  {
    rule: 'media-content',
    breaks: 'a media:content width that is not a whole number',
    source: variant('width="1200"', 'width="1200.5"'),
    mentions: '"1200.5"',
  },
  {
    rule: 'media-content',
    breaks: 'a media:content without a height',
    source: variant(' height="800"', ''),
    mentions: 'has no height',
  },
  {
    rule: 'media-content',
    breaks: 'an empty media:credit',
    source: variant('<media:credit>Miriam Levi/JNS</media:credit>', '<media:credit> </media:credit>'),
    mentions: 'empty <media:credit>',
  },
  {
    rule: 'media-content',
    breaks: 'a media:description of a type Media RSS does not define',
    source: variant('<media:description type="plain">', '<media:description type="text">'),
    mentions: '"text"',
  },
  {
    rule: 'media-content',
    breaks: 'a relative media:content url inside a media:group',
    source: variant(
      MEDIA,
      `<media:group>${MEDIA.replace('https://news.example.com/_astro/lead.jpg', 'lead.jpg')}</media:group>`,
    ),
    mentions: '"lead.jpg"',
  },
  {
    rule: 'namespaces',
    breaks: 'the media prefix bound to Media RSS without its trailing slash',
    source: variant(
      'xmlns:media="http://search.yahoo.com/mrss/"',
      'xmlns:media="http://search.yahoo.com/mrss"',
    ),
    mentions: 'http://search.yahoo.com/mrss"',
  },
  {
    rule: 'category',
    breaks: 'an empty item category',
    source: variant('<category>World</category>', '<category> </category>'),
    mentions: '<category>',
  },
  {
    rule: 'content-type',
    breaks: 'serving as text/html',
    source: VALID,
    contentType: 'text/html',
    mentions: 'text/html',
  },
  {
    rule: 'content-type',
    breaks: 'serving as application/json',
    source: VALID,
    contentType: 'application/json; charset=utf-8',
    mentions: 'application/json',
  },
  {
    rule: 'content-type',
    breaks: 'a charset that contradicts the XML declaration',
    source: VALID,
    contentType: 'application/rss+xml; charset=ISO-8859-1',
    mentions: 'ISO-8859-1',
  },
];

describe('checkRssFeed', () => {
  itChecksEveryRule({
    check,
    valid: VALID,
    rules: RSS_RULES,
    broken: BROKEN,
    acceptedContentTypes: [
      'application/rss+xml; charset=utf-8',
      'application/xml',
      'text/xml; charset="UTF-8"',
    ],
  });

  it('reports only the parse error, with its position, when the feed is not well-formed', () => {
    // The self link is broken too, but nothing past a well-formedness error is trustworthy.
    const problems = check(variant('JNS Wire', 'JNS & Wire', variant('rel="self"', 'rel="alternate"')));
    expect(problems).toEqual([
      {
        rule: 'well-formed',
        message: 'the feed is not well-formed XML: line 4, column 16: a bare "&"; write "&amp;"',
      },
    ]);
  });

  it('accepts "&", "<" and "]]>" where XML allows them: escaped, in CDATA, in comments', () => {
    const xml = variant(
      '<description>Reports.</description>',
      '<description>R &amp; D &lt;b&gt; &#x2019; ]]&gt; <![CDATA[& < ]]]]><![CDATA[>]]></description><!-- & ]]> -->',
    );
    expect(check(xml)).toEqual([]);
  });

  it('names the item, its title and the value in a message', () => {
    expect(check(variant('isPermaLink="true"', 'isPermaLink="yes"'))).toEqual([
      {
        rule: 'guid',
        message:
          'item 1 ("Azerbaijan opens embassy in Israel") <guid isPermaLink> is "yes", not "true" or "false"',
      },
    ]);
  });

  it('accepts a guid that is not a URL when isPermaLink="false"', () => {
    const xml = variant(
      '<guid isPermaLink="true">https://news.example.com/articles/azerbaijan/</guid>',
      '<guid isPermaLink="false">tag:news.example.com,2023:azerbaijan</guid>',
    );
    expect(check(xml)).toEqual([]);
  });

  it.each([
    ['a numeric zone', 'Wed, 29 Mar 2023 00:00:00 +0300'],
    ['a negative numeric zone', 'Tue, 28 Mar 2023 17:00:00 -0400'],
    ['no day-name and no seconds', '28 Mar 2023 21:00 GMT'],
    ['a one-digit day', 'Wed, 1 Mar 2023 21:00:00 Z'],
    ['a US zone abbreviation', 'Tue, 28 Mar 2023 14:00:00 PDT'],
    ['a leap day', 'Thu, 29 Feb 2024 21:00:00 UT'],
  ])('accepts a pubDate with %s', (_case, date) => {
    expect(check(variant('Tue, 28 Mar 2023 21:00:00 GMT</pubDate>', `${date}</pubDate>`))).toEqual([]);
  });

  it.each(['en-us', 'en-US', 'he', 'fil'])('accepts the language code %s', (language) => {
    expect(check(variant('<language>en</language>', `<language>${language}</language>`))).toEqual([]);
  });

  it('accepts a feed without the optional language and channel dates', () => {
    const xml = variant(
      '<lastBuildDate>Tue, 28 Mar 2023 21:00:00 GMT</lastBuildDate>',
      '',
      variant('<language>en</language>', ''),
    );
    expect(check(xml)).toEqual([]);
  });

  it('accepts absolute http(s) and mailto URLs, srcset included, in content:encoded', () => {
    const xml = withHtml(
      '&lt;a href=&quot;mailto:desk@news.example.com&quot;&gt;Write&lt;/a&gt;' +
        '&lt;img src=&quot;https://news.example.com/a.jpg&quot; alt=&quot;&quot; ' +
        'srcset=&quot;https://news.example.com/a.jpg 1x,https://news.example.com/b.jpg?w=2,3 2x&quot;&gt;',
    );
    expect(check(xml)).toEqual([]);
  });

  it('accepts content:encoded as CDATA', () => {
    const xml = variant(
      '&lt;p&gt;Cohen &lt;a href=&quot;https://x.com/elicoh1&quot;&gt;posted&lt;/a&gt; it.&lt;/p&gt;',
      '<![CDATA[<p>Cohen <a href="https://x.com/elicoh1">posted</a> it.</p>]]>',
    );
    expect(check(xml)).toEqual([]);
  });

  it('accepts the Atom namespace under another prefix', () => {
    const xml = variant(
      '<atom:link href',
      '<a10:link xmlns:a10="http://www.w3.org/2005/Atom" href',
      variant(' xmlns:atom="http://www.w3.org/2005/Atom"', ''),
    );
    expect(check(xml)).toEqual([]);
  });

  it('accepts an item without a picture, and a feed without the Media RSS namespace', () => {
    const xml = variant(MEDIA, '', variant(' xmlns:media="http://search.yahoo.com/mrss/"', ''));
    expect(check(xml)).toEqual([]);
  });

  it('accepts a media:content without type, credit or description, and one in a media:group', () => {
    const bare =
      '<media:content url="https://news.example.com/a.png" medium="image" width="1200" height="800"/>';
    expect(check(variant(MEDIA, bare))).toEqual([]);
    expect(check(variant(MEDIA, `<media:group>${MEDIA}</media:group>`))).toEqual([]);
  });

  it('accepts several items with distinct guids', () => {
    const xml = twoItems((item) => item.replaceAll('/articles/azerbaijan/', '/articles/azerbaijan-2/'));
    expect(check(xml)).toEqual([]);
  });
});
