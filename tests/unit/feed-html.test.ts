import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import LeadPhoto from '../../src/components/LeadPhoto.astro';
import Figure from '../../src/components/mdx/Figure.astro';
import PullQuote from '../../src/components/mdx/PullQuote.astro';
import Tweet from '../../src/components/mdx/Tweet.astro';
import { pictureToImg, srcsetCandidates, toFeedHtml } from '../../src/lib/feed/html';
import { COLUMN_SIZES } from '../../src/lib/photos/sizes';
import lead from '../fixtures/archive/fixture-harvest-festival/lead.jpg';
import map from '../fixtures/archive/fixture-harvest-festival/map.png';
import { parseFragment, readerText } from '../helpers/html';

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
    expect(readerText(pull?.querySelector('blockquote'))).toBe(
      '“Azerbaijan is a strategic partner of Israel”',
    );
    expect(pull?.getAttribute('aria-hidden')).toBe('true');
    expect(readerText(pull?.querySelector('figcaption'))).toBe('Eli Cohen, Israeli Foreign Minister');

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
    expect(readerText(post?.querySelector('time'))).toBe('March 29, 2023');
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
        '<picture><source srcset="s.webp 480w" type="image/webp"><img src="a.jpg" srcset="small.jpg 480w,large.jpg 800w" sizes="50vw" alt="y"></picture>',
    );
    const [density, width] = [...doc.querySelectorAll('img')];
    expect(density?.getAttribute('srcset')).toBe(
      'https://news.example.com/articles/a/a.jpg 1x, https://news.example.com/b.jpg 2x',
    );
    expect(width?.getAttribute('srcset')).toBe(
      'https://news.example.com/articles/a/small.jpg 480w, https://news.example.com/articles/a/large.jpg 800w',
    );
    expect(width?.getAttribute('sizes')).toBe('50vw');
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
    expect(readerText(doc.querySelector('p'))).toBe('mail js upper split entity vb data');
    // A picture left with no file of its own would show as broken: it goes.
    const images = [...doc.querySelectorAll('img')];
    expect(images.map((img) => img.getAttribute('src'))).toEqual(['https://news.example.com/ok.png']);
    expect(images[0]?.getAttribute('srcset')).toBe('https://news.example.com/articles/a/ok.png 2x');
  });

  it('loads nothing from another host: pictures, sources, posters and media go, links stay', () => {
    const doc = feedDoc(
      '<p><a href="https://other.example/story">a link elsewhere</a></p>' +
        '<img src="https://tracker.example/pixel.gif" alt="pixel">' +
        '<img src="//tracker.example/pixel.gif" alt="scheme-relative">' +
        '<img src="HTTPS://TRACKER.EXAMPLE/pixel.gif" alt="capitals">' +
        '<img src="https://news.example.com.tracker.example/x.gif" alt="lookalike">' +
        '<img src="/own.jpg" srcset="https://tracker.example/a.jpg 1x, /own-2x.jpg 2x" alt="own">' +
        '<img srcset="https://tracker.example/a.jpg 1x" alt="srcset only">' +
        '<picture><source srcset="https://tracker.example/a.avif"><img src="https://tracker.example/a.jpg" alt="picture"></picture>' +
        '<video src="https://tracker.example/v.mp4" poster="https://tracker.example/p.jpg"><source src="https://tracker.example/v.webm"></video>' +
        '<audio src="https://tracker.example/a.mp3"></audio>' +
        '<object data="https://tracker.example/o.swf"></object>',
    );
    expect(
      [...doc.querySelectorAll('[src], [srcset], [poster], [data]')].flatMap((el) =>
        ['src', 'srcset', 'poster', 'data'].flatMap((name) => el.getAttribute(name) ?? []),
      ),
    ).toEqual(['https://news.example.com/own.jpg', 'https://news.example.com/own-2x.jpg 2x']);
    expect([...doc.querySelectorAll('img')].map((img) => img.getAttribute('alt'))).toEqual(['own']);
    expect(doc.querySelectorAll('picture, source, video, audio, object')).toHaveLength(0);
    expect(doc.querySelector('a')?.getAttribute('href')).toBe('https://other.example/story');
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

  it('keeps what articles use: figures, images, quotes, isolation, dates, language, tables', () => {
    const html =
      '<figure><img src="https://news.example.com/p.jpg" srcset="https://news.example.com/p2.jpg 2x" sizes="100vw" alt="A photo" width="800" height="600">' +
      '<figcaption>Caption <cite>Source</cite></figcaption></figure>' +
      '<blockquote cite="https://example.com/"><p lang="he" dir="rtl">שלום</p></blockquote>' +
      '<p><bdi dir="rtl">אלי</bdi> <time datetime="2023-03-29">March 29</time> <q cite="https://example.com/">q</q>' +
      ' <abbr title="Foreign Ministry">FM</abbr> <em>e</em> <strong>s</strong> <del>d</del><br><sup>1</sup></p>' +
      '<table><thead><tr><th scope="col">h</th></tr></thead><tbody><tr><td colspan="2">c</td></tr></tbody></table>' +
      '<ol start="3"><li>three</li></ol><h2>Heading</h2><hr>';
    expect(toFeedHtml(html, PAGE)).toBe(html);
  });
});

describe('pictureToImg, the feed pipeline’s picture step on its own', () => {
  const flatten = (html: string): string =>
    unified()
      .use(rehypeParse, { fragment: true })
      .use(pictureToImg)
      .use(rehypeStringify)
      .processSync(html)
      .toString();

  it('puts each <picture>’s <img> in its place with only its file, size and alt text', () => {
    expect(
      flatten(
        '<figure><picture class="p"><source srcset="/p.avif 480w" type="image/avif" sizes="50vw">' +
          '<source srcset="/p.webp 480w" type="image/webp" sizes="50vw">' +
          '<img src="/p.jpg" srcset="/p.jpg 480w" alt="Stalls" sizes="50vw" loading="eager" ' +
          'fetchpriority="high" decoding="async" data-image-component="true" class="x" width="480" height="320">' +
          '</picture><figcaption>c</figcaption></figure>',
      ),
    ).toBe(
      '<figure><img src="/p.jpg" srcset="/p.jpg 480w" alt="Stalls" sizes="50vw" width="480" height="320">' +
        '<figcaption>c</figcaption></figure>',
    );
  });

  it('leaves an <img> outside a picture, and everything else, as it was', () => {
    const html = '<p>a <img src="/i.jpg" alt="i" loading="lazy"> <source src="/v.mp4"></p>';
    expect(flatten(html)).toBe(html);
  });
});

describe('toFeedHtml pictures', () => {
  it('turns each <picture> into its fallback <img>: its file, size and alt text, no sources or loading hints', () => {
    const doc = feedDoc(
      '<figure><picture data-astro-cid-x>' +
        '<source srcset="/p-480.avif 480w, /p-800.avif 800w" type="image/avif" sizes="50vw">' +
        '<source srcset="/p-480.webp 480w, /p-800.webp 800w" type="image/webp" sizes="50vw">' +
        '<img src="/p-800.jpg" srcset="/p-480.jpg 480w, p-800.jpg 800w" alt="Stalls at dusk" sizes="50vw" ' +
        'loading="eager" fetchpriority="high" decoding="async" data-image-component="true" class="x" width="800" height="533">' +
        '</picture><figcaption>The grounds.</figcaption></figure>',
    );
    expect(doc.querySelectorAll('picture, source')).toHaveLength(0);
    expect(doc.body.innerHTML).toBe(
      '<figure><img src="https://news.example.com/p-800.jpg" ' +
        'srcset="https://news.example.com/p-480.jpg 480w, https://news.example.com/articles/a/p-800.jpg 800w" ' +
        'alt="Stalls at dusk" sizes="50vw" width="800" height="533">' +
        '<figcaption>The grounds.</figcaption></figure>',
    );
  });

  it('drops a <picture> without an <img>, which shows nothing in a browser either, and a stray <source>', () => {
    const doc = feedDoc(
      '<p>a</p><picture><source srcset="/p.webp" type="image/webp"></picture><source src="/v.mp4"><p>b</p>',
    );
    expect(doc.body.innerHTML).toBe('<p>a</p><p>b</p>');
  });

  it('keeps every picture of a body, nested in other elements too', () => {
    const picture = (name: string) =>
      `<picture><source srcset="/${name}.webp" type="image/webp"><img src="/${name}.jpg" alt="${name}"></picture>`;
    const doc = feedDoc(
      `${picture('one')}<figure><blockquote>${picture('two')}</blockquote>${picture('three')}</figure>`,
    );
    expect([...doc.querySelectorAll('img')].map((img) => img.getAttribute('alt'))).toEqual([
      'one',
      'two',
      'three',
    ]);
    expect(doc.querySelectorAll('picture, source')).toHaveLength(0);
  });

  it('shows the lead photograph as an image with its caption and credit as text', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(LeadPhoto, {
      props: {
        image: {
          src: lead,
          alt: 'Stalls under white awnings beside a wheat field at dusk',
          caption: 'The festival grounds on Sunday evening.',
          credit: 'Miriam Levi/JNS',
          position: 'bottom',
        },
      },
    });
    const doc = feedDoc(html);

    const figure = doc.querySelector('figure');
    expect(doc.querySelectorAll('picture, source')).toHaveLength(0);
    const img = figure?.querySelector(':scope > img');
    expect(img?.getAttribute('alt')).toBe('Stalls under white awnings beside a wheat field at dusk');
    // The JPEG fallback, at the source's size, its candidates absolute and still JPEG.
    expect([img?.getAttribute('width'), img?.getAttribute('height')]).toEqual(['1800', '1200']);
    expect(img?.getAttribute('src')).toMatch(/^https:\/\/news\.example\.com\/.*f=jpg/);
    const candidates = (img?.getAttribute('srcset') ?? '').split(', ');
    expect(candidates.length).toBeGreaterThan(1);
    for (const candidate of candidates)
      expect(candidate).toMatch(/^https:\/\/news\.example\.com\/\S*f=jpg \d+w$/);
    // A landscape photograph wider than the column fills it, as on the page.
    expect(img?.getAttribute('sizes')).toBe(COLUMN_SIZES);
    expect(attributesIn(doc).filter((name) => name.startsWith('img['))).toEqual([
      'img[src]',
      'img[srcset]',
      'img[alt]',
      'img[sizes]',
      'img[width]',
      'img[height]',
    ]);
    expect([...(figure?.querySelectorAll('figcaption span') ?? [])].map(readerText)).toEqual([
      'The festival grounds on Sunday evening.',
      'Photo: Miriam Levi/JNS',
    ]);
  });

  it('shows a <Figure> in the body as a PNG image with its caption and credit', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(Figure, {
      props: { src: map, alt: 'Map of the valley with the festival marked', credit: 'JNS graphics' },
      slots: { default: 'Where the festival is held, <em>south of Afula</em>.' },
    });
    const doc = feedDoc(html);
    const img = doc.querySelector('figure > img');
    expect(img?.getAttribute('alt')).toBe('Map of the valley with the festival marked');
    expect(img?.getAttribute('src')).toMatch(/^https:\/\/news\.example\.com\/.*f=png/);
    expect(readerText(doc.querySelector('figcaption'))).toBe(
      'Where the festival is held, south of Afula. Credit: JNS graphics',
    );
  });
});
