import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import PullQuote from '../../src/components/mdx/PullQuote.astro';
import Tweet from '../../src/components/mdx/Tweet.astro';
import { srcsetCandidates, toFeedHtml } from '../../src/lib/feed/html';
import { parseFragment, textOf } from '../helpers/html';

const PAGE = 'https://news.example.com/articles/a/';

/** The feed HTML of `html` for the article at {@link PAGE}, parsed to be queried as a reader would. */
const feedDoc = (html: string): Document => parseFragment(toFeedHtml(html, PAGE));

/** Every attribute left in the document, as "tag[name]". */
const attributesIn = (doc: Document): string[] =>
  [...doc.body.querySelectorAll('*')].flatMap((el) =>
    [...el.attributes].map((attr) => `${el.tagName.toLowerCase()}[${attr.name}]`),
  );

describe('toFeedHtml on the real components', () => {
  it('keeps a pull-quote and a post on X as plain HTML: quotes, names, dates and links intact', async () => {
    const container = await AstroContainer.create();
    const tweet = await container.renderToString(Tweet, {
      props: {
        name: 'אלי כהן | Eli Cohen',
        handle: 'elicoh1',
        date: '2023-03-29',
        lang: 'en',
        text: 'History! @Bayramov_Jeyhun\nSecond line',
      },
    });
    const quote = await container.renderToString(PullQuote, {
      props: { speaker: 'Eli Cohen', role: 'Israeli Foreign Minister' },
      slots: { default: 'Azerbaijan is a strategic partner of Israel' },
    });
    const html = toFeedHtml(`${quote}<style>p{}</style><script>x()</script>${tweet}`, PAGE);
    const doc = parseFragment(html);

    expect(doc.querySelectorAll('script, style, link')).toHaveLength(0);
    expect(doc.querySelectorAll('[class], [style]')).toHaveLength(0);
    expect(html).not.toMatch(/data-astro|x\(\)|p\{\}/);
    expect([...doc.querySelectorAll('*')].filter((el) => el.tagName.includes('-'))).toHaveLength(0);

    const [pull, post] = [...doc.querySelectorAll('figure')];
    // The pull-quote: its marks are text, it stays hidden from screen readers, its speaker shows.
    expect(textOf(pull?.querySelector('blockquote'))).toBe('“Azerbaijan is a strategic partner of Israel”');
    expect(pull?.getAttribute('aria-hidden')).toBe('true');
    expect(textOf(pull?.querySelector('figcaption'))).toBe('Eli Cohen, Israeli Foreign Minister');

    // The post: the name isolated in its direction, links absolute, the date machine-readable.
    const name = post?.querySelector('bdi');
    expect(name?.textContent?.trim()).toBe('אלי כהן | Eli Cohen');
    expect(name?.getAttribute('dir')).toBe('ltr');
    expect(post?.querySelector('blockquote')?.getAttribute('cite')).toBe('https://x.com/elicoh1');
    expect(post?.querySelector('blockquote')?.getAttribute('lang')).toBe('en');
    expect(post?.querySelectorAll('blockquote br')).toHaveLength(1);
    expect([...(post?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'))).toEqual([
      'https://x.com/elicoh1',
      'https://x.com/Bayramov_Jeyhun',
      'https://x.com/elicoh1',
    ]);
    expect(post?.querySelector('time')?.getAttribute('datetime')).toBe('2023-03-29');
    expect(textOf(post?.querySelector('time'))).toBe('March 29, 2023');
  });
});

describe('toFeedHtml URLs', () => {
  it('makes every link absolute against the article’s URL', () => {
    const doc = feedDoc(
      '<p><a href="/sections/world/">World</a> <a href="../b/">b</a> <a href="#note">note</a>' +
        '<img src="/img.png" alt="a"></p><blockquote cite="/source/"><p>q</p></blockquote>',
    );
    expect([...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://news.example.com/sections/world/',
      'https://news.example.com/articles/b/',
      'https://news.example.com/articles/a/#note',
    ]);
    expect(doc.querySelector('img')?.getAttribute('src')).toBe('https://news.example.com/img.png');
    expect(doc.querySelector('blockquote')?.getAttribute('cite')).toBe('https://news.example.com/source/');
  });

  it('makes a relative srcset absolute entry by entry, in both its forms', () => {
    const doc = feedDoc(
      '<img src="a.jpg" srcset="a.jpg 1x, /b.jpg 2x" alt="x">' +
        '<picture><source srcset="small.webp 480w,large.webp 800w" sizes="50vw" type="image/webp"><img src="a.jpg" alt="y"></picture>',
    );
    expect(doc.querySelector('img')?.getAttribute('srcset')).toBe(
      'https://news.example.com/articles/a/a.jpg 1x, https://news.example.com/b.jpg 2x',
    );
    const source = doc.querySelector('source');
    expect(source?.getAttribute('srcset')).toBe(
      'https://news.example.com/articles/a/small.webp 480w, https://news.example.com/articles/a/large.webp 800w',
    );
    expect(source?.getAttribute('sizes')).toBe('50vw');
  });

  it('keeps mailto links and drops every other scheme, in href, src and srcset alike', () => {
    const doc = feedDoc(
      '<p><a href="mailto:desk@example.com">mail</a> <a href="javascript:alert(1)">js</a> ' +
        '<a href="JaVaScRiPt:alert(1)">upper</a> <a href=" java\tscript:alert(1)">split</a> ' +
        '<a href="jav&#x61;script:alert(1)">entity</a> <a href="vbscript:x">vb</a> ' +
        '<a href="data:text/html,<script>alert(1)</script>">data</a></p>' +
        '<img src="data:image/png;base64,AAAA" alt="d"><img src="javascript:alert(1)" alt="j">' +
        '<img src="/ok.png" srcset="data:image/png;base64,AAAA 1x, ok.png 2x, javascript:x 3x" alt="s">',
    );
    expect([...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'mailto:desk@example.com',
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    // The links' words stay: only the address goes.
    expect(textOf(doc.querySelector('p'))).toBe('mail js upper split entity vb data');
    const images = [...doc.querySelectorAll('img')];
    expect(images.map((img) => img.getAttribute('src'))).toEqual([
      null,
      null,
      'https://news.example.com/ok.png',
    ]);
    expect(images[2]?.getAttribute('srcset')).toBe('https://news.example.com/articles/a/ok.png 2x');
  });

  it('reads srcset as the HTML standard does: a URL may hold commas, descriptors may not', () => {
    expect(srcsetCandidates('a,b.jpg 1x,c.jpg 2x', PAGE)).toEqual([
      'https://news.example.com/articles/a/a,b.jpg 1x',
      'https://news.example.com/articles/a/c.jpg 2x',
    ]);
    expect(srcsetCandidates('  one.jpg,  two.jpg   640w  ', PAGE)).toEqual([
      'https://news.example.com/articles/a/one.jpg',
      'https://news.example.com/articles/a/two.jpg 640w',
    ]);
    expect(srcsetCandidates('', PAGE)).toEqual([]);
  });
});

describe('toFeedHtml allow-list', () => {
  it('removes what runs, embeds or takes input together with everything inside it', () => {
    const doc = feedDoc(
      '<p>before</p><script>alert("script")</script><style>p { color: red }</style>' +
        '<iframe src="https://evil.example/">iframe text</iframe><object data="x.swf">object text</object>' +
        '<embed src="x.swf"><noscript>noscript text</noscript><template><p>template text</p></template>' +
        '<form action="https://evil.example/"><label>form label <input name="q" value="input value"></label>' +
        '<textarea>textarea text</textarea><select><option>option text</option></select><button>button text</button></form>' +
        '<svg><title>svg title</title><path d="M0 0"/></svg><!-- a comment --><p>after</p>',
    );
    expect(doc.body.innerHTML).toBe('<p>before</p><p>after</p>');
  });

  it('drops event handlers, classes, styles, ids, names and data attributes', () => {
    const doc = feedDoc(
      '<p id="lede" class="lede" style="color:red" data-pagefind-body onclick="alert(1)" onmouseover="x()">' +
        '<a href="/b/" name="anchor" target="_blank" rel="noopener" data-astro-cid-x>b</a>' +
        '<img src="/i.png" alt="i" onerror="alert(1)" loading="lazy" decoding="async"></p>',
    );
    expect(attributesIn(doc)).toEqual(['a[href]', 'img[src]', 'img[alt]']);
  });

  it('unwraps custom elements, such as an Astro island, and keeps their text', () => {
    const doc = feedDoc(
      '<p>Start <astro-island uid="x" component-url="/_astro/X.js" props="{}" client="load">' +
        '<my-widget data-state="1">kept <b>words</b></my-widget></astro-island> end</p>',
    );
    expect(doc.body.innerHTML).toBe('<p>Start kept <b>words</b> end</p>');
  });

  it('keeps what articles use: figures, quotes, isolation, dates, language, pictures, tables', () => {
    const html =
      '<figure><picture><source srcset="https://news.example.com/p.webp" type="image/webp" media="(min-width: 40em)">' +
      '<img src="https://news.example.com/p.jpg" srcset="https://news.example.com/p2.jpg 2x" sizes="100vw" alt="A photo" width="800" height="600"></picture>' +
      '<figcaption>Caption <cite>Source</cite></figcaption></figure>' +
      '<blockquote cite="https://example.com/"><p lang="he" dir="rtl">שלום</p></blockquote>' +
      '<p><bdi dir="rtl">אלי</bdi> <time datetime="2023-03-29">March 29</time> <q cite="https://example.com/">q</q>' +
      ' <abbr title="Foreign Ministry">FM</abbr> <em>e</em> <strong>s</strong> <del>d</del><br><sup>1</sup></p>' +
      '<table><thead><tr><th scope="col">h</th></tr></thead><tbody><tr><td colspan="2">c</td></tr></tbody></table>' +
      '<ol start="3"><li>three</li></ol><h2>Heading</h2><hr>';
    expect(toFeedHtml(html, PAGE)).toBe(html);
  });
});
