import { describe, expect, it } from 'vitest';
import { feedHtmlProblems, mediaTypeProblems, srcsetUrls, xmlEncoding } from './common';

// The checks all three feed formats share (RSS, Atom, JSON Feed); each format's own tests show
// they are wired in, with a failing fixture per rule.

describe('srcsetUrls', () => {
  it.each([
    ['a.jpg 1x, b.jpg 2x', ['a.jpg', 'b.jpg']],
    ['a.jpg 480w,b.jpg 800w', ['a.jpg', 'b.jpg']],
    // A comma inside a URL belongs to it; trailing commas end the candidate.
    ['https://x.example/b.jpg?w=2,3 2x', ['https://x.example/b.jpg?w=2,3']],
    ['a.jpg, b.jpg', ['a.jpg', 'b.jpg']],
    ['a.jpg,,, b.jpg 2x', ['a.jpg', 'b.jpg']],
    ['a.jpg,b.jpg 2x', ['a.jpg,b.jpg']],
    // Descriptors run to the next comma outside parentheses.
    ['a.jpg future(1,2) 2x, b.jpg', ['a.jpg', 'b.jpg']],
    ['\n  a.jpg\t1x ,\n  b.jpg 2x  ', ['a.jpg', 'b.jpg']],
    ['', []],
    [' , ', []],
  ])('reads %j as %j', (srcset, urls) => {
    expect(srcsetUrls(srcset)).toEqual(urls);
  });
});

describe('feedHtmlProblems', () => {
  it('accepts absolute http(s) and mailto URLs, srcset included', () => {
    expect(
      feedHtmlProblems(
        '<p><a href=" https://news.example.com/a/ ">a</a> <a href="mailto:desk@news.example.com">Write</a></p>' +
          '<img src="https://news.example.com/a.jpg" srcset="https://news.example.com/a.jpg 1x,https://news.example.com/b.jpg 2x" alt="">',
      ),
    ).toEqual([]);
  });

  it('names each element, attribute and value, also inside <template>', () => {
    expect(
      feedHtmlProblems(
        '<img src="a.jpg" srcset="https://news.example.com/a.jpg 480w,mailto:x@y.example 800w" alt="" OnError="x()">' +
          '<template><script>x()</script><a href="/b/">b</a></template>',
      ),
    ).toMatchInlineSnapshot(`
      [
        "<img src> "a.jpg" is not an absolute http(s) or mailto URL",
        "<img srcset> candidate "mailto:x@y.example" is not an absolute http(s) URL",
        "<img onerror> is an event handler attribute ("x()")",
        "contains <script>, which feed readers strip or run",
        "<a href> "/b/" is not an absolute http(s) or mailto URL",
      ]
    `);
  });
});

describe('feedHtmlProblems on images', () => {
  it('asks for each picture as a plain <img> with alt text', () => {
    expect(
      feedHtmlProblems(
        '<figure><picture><source srcset="https://news.example.com/a.avif" type="image/avif">' +
          '<img src="https://news.example.com/a.jpg" alt="Stalls at dusk"></picture></figure>' +
          '<img src="https://news.example.com/b.jpg">',
      ),
    ).toMatchInlineSnapshot(`
      [
        "contains <picture>, which feed readers handle unevenly; give the picture's <img> alone",
        "contains <source>, which feed readers handle unevenly; give the picture's <img> alone",
        "<img> "https://news.example.com/b.jpg" has no alt text",
      ]
    `);
  });

  it('accepts an <img> with empty alt text (a picture that says nothing more than the text)', () => {
    expect(feedHtmlProblems('<img src="https://news.example.com/a.jpg" alt="">')).toEqual([]);
  });
});

describe('mediaTypeProblems', () => {
  const rss = { accepted: ['application/rss+xml', 'application/xml', 'text/xml'] as const };

  it('accepts an accepted type, in any case, with the matching charset', () => {
    const encoding = { encoding: 'UTF-8', encodingSource: 'the XML encoding' };
    expect(mediaTypeProblems('Application/RSS+XML; charset="utf-8"', { ...rss, ...encoding })).toEqual([]);
    expect(mediaTypeProblems('text/xml', { ...rss, ...encoding })).toEqual([]);
  });

  it('says which types to serve and which charset the feed is in', () => {
    const options = { ...rss, encoding: 'UTF-8', encodingSource: 'the XML encoding' };
    expect(mediaTypeProblems('text/html; charset=ISO-8859-1', options)).toMatchInlineSnapshot(`
      [
        "Content-Type "text/html; charset=ISO-8859-1" is not application/rss+xml, application/xml or text/xml; serve it as application/rss+xml",
        "Content-Type charset "ISO-8859-1" disagrees with the XML encoding "UTF-8"",
      ]
    `);
  });

  it('reads the encoding an XML declaration names, UTF-8 when it names none', () => {
    expect(xmlEncoding('<?xml version="1.0" encoding="ISO-8859-1"?><rss/>')).toBe('ISO-8859-1');
    expect(xmlEncoding("\uFEFF<?xml version='1.0' encoding='utf-8'?><feed/>")).toBe('utf-8');
    expect(xmlEncoding('<?xml version="1.0"?><rss/>')).toBe('UTF-8');
    expect(xmlEncoding('<rss/>')).toBe('UTF-8');
  });
});
