import type { Document as XmlDocument, Element as XmlElement } from '@xmldom/xmldom';
import { parseHTML } from 'linkedom';
import { isLanguageTag } from '../../src/lib/site/language';
import { NS, parseXml } from '../helpers/xml';

/**
 * What the rule checkers of the three feed formats share: rss.ts (RSS 2.0), atom.ts (Atom) and
 * json-feed.ts (JSON Feed) all use these, so a rule about URLs, language codes, feed HTML, the
 * self link, the served media type or an RFC 3339 date is written once and judges every format alike.
 */

/** A rule the feed breaks: the rule id and a message naming the element and the offending value. */
export interface FeedProblem {
  rule: string;
  message: string;
}

/** How a format's checker records a problem: the rule it breaks and the message. */
export type Report<Rule extends string> = (rule: Rule, message: string) => void;

/**
 * Parses a feed's XML strictly (see {@link parseXml}). A feed that is not well-formed yields only
 * that problem, since nothing else in it can be read reliably.
 */
export function parseFeedXml(xml: string): { doc: XmlDocument } | { notWellFormed: FeedProblem } {
  try {
    return { doc: parseXml(xml) };
  } catch (error) {
    // xmldom wraps the message parseXml throws in its own ("Reporting error … caused Error: …").
    const reason = (error instanceof Error ? error.message : String(error))
      .replace(/^Reporting \w+ .* caused Error: /s, '')
      .replace(/^XML \w+: /, '');
    return { notWellFormed: { rule: 'well-formed', message: `the feed is not well-formed XML: ${reason}` } };
  }
}

// ---------------------------------------------------------------------------------------------
// URLs and language codes
// ---------------------------------------------------------------------------------------------

/** An absolute URL with one of these protocols, e.g. `isAbsoluteUrl(link, ['http:', 'https:'])`. */
export function isAbsoluteUrl(value: string, protocols: readonly string[]): boolean {
  // new URL() alone is too forgiving: it would accept "http:example.com" and internal spaces.
  if (/\s/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (!protocols.includes(url.protocol)) return false;
  if (url.protocol === 'mailto:') return url.pathname !== '';
  return /^https?:\/\/[^/?#]/i.test(value) && url.hostname !== '';
}

/** A language code the validator accepts: the site's one rule (well formed, ISO 639 language). */
export { isLanguageTag };

// ---------------------------------------------------------------------------------------------
// Feed HTML (RSS content:encoded, Atom content type="html", JSON Feed content_html)
// ---------------------------------------------------------------------------------------------

/** Elements feed readers strip or that run code; feed HTML must not rely on them. */
const BANNED_HTML_ELEMENTS = new Set(['script', 'style', 'iframe']);

/**
 * Site policy: a responsive picture's sources are AVIF and WebP, which readers handle unevenly;
 * feed HTML gives the picture's JPEG or PNG `<img>` alone (src/lib/feed/html.ts, `pictureToImg`).
 */
const PICTURE_ELEMENTS = new Set(['picture', 'source']);

/** HTML attributes holding one URL, which a reader resolves against an unknown base unless absolute. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'poster']);

/**
 * What is wrong with an article's HTML as a feed carries it. It is shown out of context: relative
 * URLs resolve against the reader, not the site, and readers strip (or worse, run) scripts,
 * styles, frames and event handlers; site policy adds that an image is a plain `<img>` with alt
 * text (no `<picture>`). Each message names the element, the attribute and the value;
 * the caller says where the HTML sits (e.g. `item 1 <content:encoded>: …`).
 */
export function feedHtmlProblems(html: string): string[] {
  const problems: string[] = [];
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`) as unknown as {
    document: Document;
  };
  for (const element of htmlElements(document.body)) {
    const tag = element.localName;
    if (BANNED_HTML_ELEMENTS.has(tag)) problems.push(`contains <${tag}>, which feed readers strip or run`);
    if (PICTURE_ELEMENTS.has(tag)) {
      problems.push(`contains <${tag}>, which feed readers handle unevenly; give the picture's <img> alone`);
    }
    // Text readers (newsboat, screen readers) show an image as its alt text, or as nothing.
    if (tag === 'img' && !element.hasAttribute('alt')) {
      problems.push(`<img> ${show(element.getAttribute('src') ?? '')} has no alt text`);
    }
    for (const { name, value } of Array.from(element.attributes)) {
      // HTML attribute names are case-insensitive and linkedom keeps the author's case.
      const attribute = name.toLowerCase();
      if (attribute.startsWith('on')) {
        problems.push(`<${tag} ${attribute}> is an event handler attribute (${show(value)})`);
      } else if (URL_ATTRIBUTES.has(attribute)) {
        // Browsers strip surrounding whitespace from URL attributes, so only the URL is judged.
        if (!isAbsoluteUrl(value.trim(), ['http:', 'https:', 'mailto:'])) {
          problems.push(`<${tag} ${attribute}> ${show(value)} is not an absolute http(s) or mailto URL`);
        }
      } else if (attribute === 'srcset') {
        for (const url of srcsetUrls(value)) {
          // srcset lists images, so a mailto: candidate is as wrong as a relative one.
          if (!isAbsoluteUrl(url, ['http:', 'https:'])) {
            problems.push(`<${tag} srcset> candidate ${show(url)} is not an absolute http(s) URL`);
          }
        }
      }
    }
  }
  return problems;
}

/** Every element under `root`, including those in <template> contents, which are not its descendants. */
function htmlElements(root: ParentNode): Element[] {
  return Array.from(root.querySelectorAll('*')).flatMap((element) =>
    element.localName === 'template'
      ? [element, ...htmlElements((element as HTMLTemplateElement).content)]
      : [element],
  );
}

/**
 * The image URLs of a `srcset`, parsed as the HTML standard does ("parse a srcset attribute"):
 * candidates are separated by commas; each is a URL, which runs to the next whitespace and may
 * hold commas except at its end (trailing commas end the candidate), then optional descriptors
 * ("2x", "480w"), which run to the next comma outside parentheses. So `a.jpg 1x, b.jpg 2x` and
 * `a.jpg 480w,b.jpg 800w` are two URLs each, and `b.jpg?w=2,3 2x` is one.
 */
export function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  let position = 0;
  const isSpace = (char: string | undefined) => char !== undefined && /[\t\n\f\r ]/.test(char);
  for (;;) {
    while (isSpace(srcset[position]) || srcset[position] === ',') position++;
    if (position >= srcset.length) return urls;
    const start = position;
    while (position < srcset.length && !isSpace(srcset[position])) position++;
    const url = srcset.slice(start, position);
    if (url.endsWith(',')) {
      // The candidate ends at its URL's trailing commas: it has no descriptors.
      urls.push(url.replace(/,+$/, ''));
      continue;
    }
    urls.push(url);
    // Descriptors run to the next comma, but a comma inside parentheses belongs to them.
    let depth = 0;
    for (; position < srcset.length; position++) {
      const char = srcset[position];
      if (char === '(') depth++;
      else if (char === ')' && depth > 0) depth--;
      else if (char === ',' && depth === 0) break;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The self link (RSS atom:link, Atom link) and the served media type
// ---------------------------------------------------------------------------------------------

/**
 * Readers use the `rel="self"` link (in the Atom namespace, in RSS as in Atom) to find the feed's
 * own address, e.g. when it was reached via a redirect: exactly one, with the feed's media type
 * and the URL the feed is served at.
 *
 * @param parent The RSS channel or the Atom feed element.
 * @param where How messages name `parent`: `channel`, `<feed>`.
 * @param element How messages name the link: `<atom:link rel="self">`, `<link rel="self">`.
 */
export function selfLinkProblems(
  parent: XmlElement,
  options: { feedUrl: string; mediaType: string; where: string; element: string },
): string[] {
  const { feedUrl, mediaType, where, element } = options;
  const selfLinks = children(parent, 'link', NS.atom).filter((link) => link.getAttribute('rel') === 'self');
  const [self] = selfLinks;
  if (!self) return [`${where} has no ${element} in namespace ${show(NS.atom)}`];
  const problems: string[] = [];
  if (selfLinks.length > 1) problems.push(`${where} has ${selfLinks.length} ${element}`);
  const type = self.getAttribute('type');
  if (type !== mediaType) {
    problems.push(`${element} type is ${type === null ? 'missing' : show(type)}, not ${show(mediaType)}`);
  }
  const href = self.getAttribute('href');
  if (href !== feedUrl) {
    problems.push(
      `${element} href is ${href === null ? 'missing' : show(href)}, not the feed URL ${show(feedUrl)}`,
    );
  }
  return problems;
}

/** The encoding an XML document declares, or UTF-8 (XML's default) when it declares none. */
export function xmlEncoding(xml: string): string {
  return /^\uFEFF?<\?xml[^?]*?\sencoding\s*=\s*["']([^"']+)["']/.exec(xml)?.[1] ?? 'UTF-8';
}

/**
 * The served media type must be one readers treat as this kind of feed, and a charset parameter,
 * if any, must name the encoding the feed is written in.
 *
 * @param contentType The `Content-Type` header as served, e.g. `application/rss+xml; charset=utf-8`.
 * @param options.accepted The media types readers take for this format, the preferred one first.
 * @param options.encoding The document's encoding: {@link xmlEncoding} for XML; UTF-8 for JSON.
 * @param options.encodingSource Where that encoding comes from, for the message.
 */
export function mediaTypeProblems(
  contentType: string,
  options: { accepted: readonly [string, ...string[]]; encoding: string; encodingSource: string },
): string[] {
  const { accepted, encoding, encodingSource } = options;
  const problems: string[] = [];
  const [mediaType = '', ...parameters] = contentType.split(';').map((part) => part.trim());
  if (!accepted.includes(mediaType.toLowerCase())) {
    const list = `${accepted.slice(0, -1).join(', ')} or ${accepted.at(-1)}`;
    problems.push(`Content-Type ${show(contentType)} is not ${list}; serve it as ${accepted[0]}`);
  }
  const charset = parameters
    .map((parameter) => /^charset\s*=\s*"?([^";]+)"?$/i.exec(parameter)?.[1])
    .find((value) => value !== undefined);
  if (charset !== undefined && charset.toLowerCase() !== encoding.toLowerCase()) {
    problems.push(`Content-Type charset ${show(charset)} disagrees with ${encodingSource} ${show(encoding)}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Reading XML and writing messages
// ---------------------------------------------------------------------------------------------

/** The child elements of `parent` called `name` in namespace `ns` (none for plain RSS elements). */
export function children(parent: XmlElement, name: string, ns: string | null = null): XmlElement[] {
  return elementChildren(parent).filter((node) => node.localName === name && node.namespaceURI === ns);
}

/** Every child element of `parent`, in any namespace. */
export function elementChildren(parent: XmlElement): XmlElement[] {
  return Array.from(parent.childNodes).filter(
    (node): node is XmlElement => node.nodeType === node.ELEMENT_NODE,
  );
}

/** Element text as readers take it: surrounding whitespace is not part of a URL, date or title. */
export function text(element: XmlElement | undefined): string {
  return element?.textContent?.trim() ?? '';
}

/** Names an item by position and, to find it in a long feed, by title: `item 2 ("Budget talks")`. */
export function itemLabel(kind: 'item' | 'entry', index: number, title: string): string {
  return title === '' ? `${kind} ${index + 1}` : `${kind} ${index + 1} (${show(title)})`;
}

/** Quotes a value for a message, shortened so a long body cannot swamp the report. */
export function show(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}…` : value);
}

// ---------------------------------------------------------------------------------------------
// RFC 3339 dates (Atom, JSON Feed)
// ---------------------------------------------------------------------------------------------

/**
 * RFC 3339 §5.6 date-time: full date, "T", time with seconds, optional fraction, and a zone ("Z" or
 * a numeric offset with a colon). ISO 8601 forms RFC 3339 leaves out (no seconds, "+0300", a week
 * date, a bare date) are errors, as the validator reports them.
 */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

/** Why `value` is not an RFC 3339 date-time, or undefined when it is one. */
export function rfc3339Problem(value: string): string | undefined {
  const match = RFC3339.exec(value);
  if (!match) return `${show(value)} is not an RFC 3339 date-time; write e.g. "2023-03-29T00:00:00+03:00"`;
  const [, year, month, day, hours, minutes, seconds, offsetHours, offsetMinutes] = match.map(Number);
  const date = new Date(0);
  date.setUTCFullYear(year ?? 0, (month ?? 0) - 1, day ?? 0);
  const realDay = date.getUTCDate() === day && date.getUTCMonth() === (month ?? 0) - 1;
  // Seconds may be 60 for a leap second (RFC 3339 §5.7).
  const realTime = (hours ?? 0) < 24 && (minutes ?? 0) < 60 && (seconds ?? 0) <= 60;
  const realOffset = Number.isNaN(offsetHours) || ((offsetHours ?? 0) < 24 && (offsetMinutes ?? 0) < 60);
  return realDay && realTime && realOffset ? undefined : `${show(value)} is not a real date and time`;
}
