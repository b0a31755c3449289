import { describe, expect, it } from 'vitest';
import { writeXml } from '../../src/lib/site/xml';
import { parseXml } from '../helpers/xml';

/** Hostile text: it closes elements, ends a CDATA section, opens a script and quotes attributes. */
const HOSTILE = '</t><script>alert(1)</script>]]><![CDATA[x & y "q" \'a\'';

describe('writeXml', () => {
  it('writes the declaration, the stylesheet instruction and the root', () => {
    const xml = writeXml({ root: 'feed', stylesheet: '/feed.xsl', element: { children: { id: 'x' } } });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet href="/feed.xsl" type="text/xsl"?><feed><id>x</id></feed>',
    );
  });

  it('writes structured elements: attributes with children, repeated elements, empty ones closed', () => {
    const doc = parseXml(
      writeXml({
        root: 'item',
        element: {
          attrs: {
            'xmlns:media': 'http://search.yahoo.com/mrss/',
            'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
          },
          children: {
            'media:content': {
              attrs: { url: 'https://example.com/a.jpg', medium: 'image' },
              children: {
                'media:title': 'A photo',
                'media:credit': { attrs: { role: 'photographer' }, text: 'Ann' },
              },
            },
            'dc:creator': ['Ann', 'Bob'],
            link: [
              { attrs: { rel: 'alternate', href: 'https://example.com/' } },
              { attrs: { rel: 'enclosure' } },
            ],
            skipped: undefined,
            none: [],
          },
        },
      }),
    );
    const item = doc.documentElement!;
    const media = item.getElementsByTagName('media:content')[0];
    expect(media?.getAttribute('url')).toBe('https://example.com/a.jpg');
    expect(media?.getElementsByTagName('media:title')[0]?.textContent).toBe('A photo');
    expect(media?.getElementsByTagName('media:credit')[0]?.getAttribute('role')).toBe('photographer');
    expect([...item.getElementsByTagName('dc:creator')].map((el) => el.textContent)).toEqual(['Ann', 'Bob']);
    expect([...item.getElementsByTagName('link')].map((el) => el.getAttribute('rel'))).toEqual([
      'alternate',
      'enclosure',
    ]);
    expect(item.getElementsByTagName('skipped')).toHaveLength(0);
    expect(item.getElementsByTagName('none')).toHaveLength(0);
  });

  it('keeps hostile text inert, in text and in attributes', () => {
    const xml = writeXml({
      root: 'r',
      element: { children: { t: HOSTILE, a: { attrs: { v: HOSTILE }, text: HOSTILE } } },
    });
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain(']]>');
    const root = parseXml(xml).documentElement!;
    expect(root.getElementsByTagName('t')[0]?.textContent).toBe(HOSTILE);
    expect(root.getElementsByTagName('a')[0]?.getAttribute('v')).toBe(HOSTILE);
    expect(root.getElementsByTagName('a')[0]?.textContent).toBe(HOSTILE);
  });

  it('drops characters XML forbids, so a stray one cannot make a strict reader reject the document', () => {
    const text = 'Bell\u0007, null\u0000, escape\u001B, lone \uD800surrogate, \uFFFEnon-character, emoji 🎉';
    const xml = writeXml({ root: 'r', element: { attrs: { v: text }, text } });
    const root = parseXml(xml).documentElement!;
    const clean = 'Bell, null, escape, lone surrogate, non-character, emoji 🎉';
    expect(root.textContent).toBe(clean);
    expect(root.getAttribute('v')).toBe(clean);
  });

  it('refuses a name that is not an XML name instead of writing broken markup', () => {
    expect(() => writeXml({ root: 'r', element: { children: { 'bad name': 'x' } } })).toThrow(
      'writeXml: "bad name" is not an XML element or attribute name',
    );
    expect(() => writeXml({ root: 'r', element: { attrs: { '@_x': 'y' } } })).toThrow(/"@_x"/);
    expect(() => writeXml({ root: 'r', element: { children: { '#text': 'x' } } })).toThrow(/"#text"/);
  });
});
