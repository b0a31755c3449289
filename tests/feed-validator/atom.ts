import type { Element as XmlElement } from '@xmldom/xmldom';
import { NS } from '../helpers/xml';
import {
  children,
  elementChildren,
  feedHtmlProblems,
  isAbsoluteUrl,
  isLanguageTag,
  itemLabel,
  mediaTypeProblems,
  parseFeedXml,
  rfc3339Problem,
  selfLinkProblems,
  show,
  text,
  xmlEncoding,
  type FeedProblem,
  type Report,
} from './common';

/**
 * The rule checker for the site's Atom feeds (RFC 4287, as the W3C Feed Validator reads it), as
 * rss.ts is for RSS 2.0 and json-feed.ts for JSON Feed; what the formats share (URLs, feed HTML,
 * the self link, the media type, RFC 3339 dates) is in common.ts. A few stricter site policies
 * (every entry links to its page and carries its whole body) are noted where they apply.
 */

/** The rules {@link checkAtomFeed} applies. */
export const ATOM_RULES = [
  'well-formed',
  'root',
  'feed-required',
  'author',
  'self-link',
  'link-absolute',
  'enclosure',
  'entry-required',
  'id',
  'rfc3339-dates',
  'text-construct',
  'content',
  'category',
  'language',
  'content-type',
] as const;

/** One of the {@link ATOM_RULES}. */
export type AtomRuleId = (typeof ATOM_RULES)[number];

/** Text constructs (RFC 4287 §3.1): their `type` says how a reader must read the text. */
const TEXT_CONSTRUCTS = new Set(['title', 'subtitle', 'summary', 'rights']);
const TEXT_TYPES = new Set(['text', 'html', 'xhtml']);

/** Media types the validator accepts for Atom, preferred first; readers refuse or sniff others. */
const ATOM_MEDIA_TYPES = ['application/atom+xml', 'application/xml', 'text/xml'] as const;

/**
 * Checks an Atom document against the rules in {@link ATOM_RULES}, as a feed validator would.
 *
 * @param xml The feed exactly as served.
 * @param options.feedUrl The URL the feed is served at, which its `link rel="self"` must name.
 * @param options.contentType The `Content-Type` it is served with, when known.
 * @returns Every problem found; an empty array means the feed is valid. A feed that is not
 *   well-formed XML yields only that problem, since nothing else can be read reliably.
 */
export function checkAtomFeed(
  xml: string,
  options: { feedUrl: string; contentType?: string },
): FeedProblem[] {
  const parsed = parseFeedXml(xml);
  if ('notWellFormed' in parsed) return [parsed.notWellFormed];
  const { doc } = parsed;
  const problems: FeedProblem[] = [];
  const report: Report<AtomRuleId> = (rule, message) => problems.push({ rule, message });

  if (options.contentType !== undefined) {
    const served = mediaTypeProblems(options.contentType, {
      accepted: ATOM_MEDIA_TYPES,
      encoding: xmlEncoding(xml),
      encodingSource: 'the XML encoding',
    });
    for (const problem of served) report('content-type', problem);
  }

  const feed = doc.documentElement;
  if (!feed || feed.localName !== 'feed' || feed.namespaceURI !== NS.atom) {
    const found = feed ? `<${feed.tagName}> in namespace ${show(feed.namespaceURI ?? '')}` : 'nothing';
    report('root', `the root element is ${found}, not <feed> in the Atom namespace ${show(NS.atom)}`);
    return problems;
  }

  const lang = feed.getAttribute('xml:lang');
  if (lang !== null && lang !== '' && !isLanguageTag(lang)) {
    report('language', `<feed xml:lang> ${show(lang)} is not a language code such as "en" or "en-US"`);
  }

  for (const name of ['id', 'title', 'updated']) exactlyOne(feed, name, '<feed>', 'feed-required', report);
  checkTextConstructs(feed, '<feed>', report);
  checkIds(feed, '<feed>', report);
  checkDates(feed, '<feed>', report);
  checkLinks(feed, '<feed>', report);
  const self = {
    feedUrl: options.feedUrl,
    mediaType: 'application/atom+xml',
    where: '<feed>',
    element: '<link rel="self">',
  };
  for (const problem of selfLinkProblems(feed, self)) report('self-link', problem);
  checkCategories(feed, '<feed>', report);

  const entries = atomChildren(feed, 'entry');
  const feedHasAuthor = checkAuthors(feed, '<feed>', report);
  const ids = new Map<string, string>();
  entries.forEach((entry, index) => {
    const label = itemLabel('entry', index, text(atomChildren(entry, 'title')[0]));
    for (const name of ['id', 'title', 'updated']) exactlyOne(entry, name, label, 'entry-required', report);
    // Site policy: every entry is an article, so it must link to its page.
    const alternates = atomChildren(entry, 'link').filter(
      (link) => (link.getAttribute('rel') ?? 'alternate') === 'alternate',
    );
    if (alternates.length === 0)
      report('entry-required', `${label} has no <link rel="alternate"> to its page`);

    const id = text(atomChildren(entry, 'id')[0]);
    if (id !== '') {
      const seenIn = ids.get(id);
      if (seenIn === undefined) ids.set(id, label);
      else report('id', `${label} <id> ${show(id)} repeats the id of ${seenIn}`);
    }
    checkIds(entry, label, report);
    checkDates(entry, label, report);
    checkLinks(entry, label, report);
    checkEnclosures(entry, label, report);
    checkTextConstructs(entry, label, report);
    checkCategories(entry, label, report);
    const entryHasAuthor = checkAuthors(entry, label, report);
    if (!feedHasAuthor && !entryHasAuthor) {
      report('author', `${label} has no <author>, and neither has the feed`);
    }
    checkAtomContent(entry, label, report);
  });
  // An empty feed still needs an author of its own (RFC 4287 §4.1.1).
  if (!feedHasAuthor && entries.length === 0) report('author', '<feed> has no <author> and no entries');
  return problems;
}

function exactlyOne(
  parent: XmlElement,
  name: string,
  label: string,
  rule: AtomRuleId,
  report: Report<AtomRuleId>,
): void {
  const found = atomChildren(parent, name);
  if (found.length === 0) report(rule, `${label} has no <${name}>`);
  else if (found.length > 1) report(rule, `${label} has ${found.length} <${name}> elements, not one`);
  else if (text(found[0]) === '') report(rule, `${label} <${name}> is empty`);
}

/** An Atom id is a permanent, absolute IRI (RFC 4287 §4.2.6); readers use it to recognise entries. */
function checkIds(parent: XmlElement, label: string, report: Report<AtomRuleId>): void {
  for (const id of atomChildren(parent, 'id')) {
    const value = text(id);
    if (value !== '' && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(value)) {
      report('id', `${label} <id> ${show(value)} is not an absolute IRI (e.g. the permalink)`);
    }
  }
}

function checkDates(parent: XmlElement, label: string, report: Report<AtomRuleId>): void {
  for (const name of ['updated', 'published']) {
    for (const date of atomChildren(parent, name)) {
      const problem = rfc3339Problem(text(date));
      if (problem !== undefined) report('rfc3339-dates', `${label} <${name}> ${problem}`);
    }
  }
}

function checkLinks(parent: XmlElement, label: string, report: Report<AtomRuleId>): void {
  for (const link of atomChildren(parent, 'link')) {
    const href = link.getAttribute('href');
    if (href === null || href === '') report('link-absolute', `${label} has a <link> without an href`);
    else if (!isAbsoluteUrl(href, ['http:', 'https:'])) {
      // Relative hrefs resolve against xml:base or the feed's URL, which readers get wrong.
      report('link-absolute', `${label} <link href> ${show(href)} is not an absolute http(s) URL`);
    }
  }
}

/** A media type as RFC 4287 §4.2.7.3 takes it (RFC 4288's type "/" subtype), e.g. "image/jpeg". */
const MEDIA_TYPE = /^[a-z0-9][\w!#$&^.+-]*\/[a-z0-9][\w!#$&^.+-]*$/i;

/**
 * An enclosure link (RFC 4287 §4.2.7.2, a file the entry points at, here its picture) tells a
 * reader what it will download before it does: its media type, required here (the RFC makes it
 * advisory, but readers decide from it whether to show or fetch the file), and its size in bytes
 * when given, a whole number. Its href is judged with every other link ('link-absolute').
 */
function checkEnclosures(entry: XmlElement, label: string, report: Report<AtomRuleId>): void {
  for (const link of atomChildren(entry, 'link')) {
    if (link.getAttribute('rel') !== 'enclosure') continue;
    const type = link.getAttribute('type');
    if (type === null || type.trim() === '') {
      report('enclosure', `${label} <link rel="enclosure"> has no type (a media type such as "image/jpeg")`);
    } else if (!MEDIA_TYPE.test(type)) {
      report('enclosure', `${label} <link rel="enclosure"> type ${show(type)} is not a media type`);
    }
    const length = link.getAttribute('length');
    if (length !== null && !/^\d+$/.test(length)) {
      report('enclosure', `${label} <link rel="enclosure"> length ${show(length)} is not a number of bytes`);
    }
  }
}

function checkTextConstructs(parent: XmlElement, label: string, report: Report<AtomRuleId>): void {
  for (const element of elementChildren(parent)) {
    if (element.namespaceURI !== NS.atom || !TEXT_CONSTRUCTS.has(element.localName ?? '')) continue;
    const type = element.getAttribute('type');
    if (type !== null && !TEXT_TYPES.has(type)) {
      report(
        'text-construct',
        `${label} <${element.localName} type> is ${show(type)}, not "text", "html" or "xhtml"`,
      );
    }
    if (type === 'xhtml' && !xhtmlDiv(element)) {
      report('text-construct', `${label} <${element.localName} type="xhtml"> does not hold one XHTML <div>`);
    }
  }
}

function checkCategories(parent: XmlElement, label: string, report: Report<AtomRuleId>): void {
  for (const category of atomChildren(parent, 'category')) {
    const term = category.getAttribute('term');
    if (term === null || term.trim() === '') report('category', `${label} has a <category> without a term`);
  }
}

/** Whether `parent` has an author; reports authors without a name. */
function checkAuthors(parent: XmlElement, label: string, report: Report<AtomRuleId>): boolean {
  const authors = atomChildren(parent, 'author');
  for (const author of authors) {
    if (text(atomChildren(author, 'name')[0]) === '')
      report('author', `${label} has an <author> without a <name>`);
  }
  return authors.length > 0;
}

/** Site policy, stricter than Atom: every entry carries the article's whole body, inline. */
function checkAtomContent(entry: XmlElement, label: string, report: Report<AtomRuleId>): void {
  const contents = atomChildren(entry, 'content');
  const [content] = contents;
  if (!content) {
    report('content', `${label} has no <content> (every entry carries the whole article)`);
    return;
  }
  if (contents.length > 1) report('content', `${label} has ${contents.length} <content> elements`);
  if (content.getAttribute('src') !== null) {
    report('content', `${label} <content src> points elsewhere; the article must be inline`);
    return;
  }
  const type = content.getAttribute('type') ?? 'text';
  if (type === 'xhtml') {
    if (!xhtmlDiv(content))
      report('content', `${label} <content type="xhtml"> does not hold one XHTML <div>`);
    return;
  }
  if (type !== 'text' && type !== 'html') {
    report('content', `${label} <content type> is ${show(type)}; the site publishes "html"`);
    return;
  }
  if (elementChildren(content).length > 0) {
    report('content', `${label} <content type="${type}"> holds XML child elements; its HTML must be escaped`);
  }
  if (text(content) === '') {
    report('content', `${label} <content> is empty`);
    return;
  }
  if (type === 'html') {
    for (const problem of feedHtmlProblems(content.textContent ?? ''))
      report('content', `${label} <content>: ${problem}`);
  }
}

function xhtmlDiv(element: XmlElement): boolean {
  const children = elementChildren(element);
  return (
    children.length === 1 &&
    children[0]?.localName === 'div' &&
    children[0].namespaceURI === 'http://www.w3.org/1999/xhtml'
  );
}

function atomChildren(parent: XmlElement, name: string): XmlElement[] {
  return children(parent, name, NS.atom);
}
