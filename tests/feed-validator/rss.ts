import type { Document as XmlDocument, Element as XmlElement } from '@xmldom/xmldom';
import { NS } from '../helpers/xml';
import {
  children,
  feedHtmlProblems,
  isAbsoluteUrl,
  isLanguageTag,
  itemLabel,
  mediaTypeProblems,
  parseFeedXml,
  selfLinkProblems,
  show,
  text,
  xmlEncoding,
  type FeedProblem,
  type Report as ReportOf,
} from './common';

/**
 * The rules {@link checkRssFeed} applies, named after what the W3C Feed Validator
 * (validator.w3.org/feed) checks for RSS 2.0, plus a few stricter site policies noted where they apply.
 */
export const RSS_RULES = [
  'well-formed',
  'root',
  'channel-required',
  'channel-link-absolute',
  'language',
  'atom-self',
  'item-required',
  'item-link-absolute',
  'guid',
  'rfc822-dates',
  'namespaces',
  'content-encoded-absolute-urls',
  'media-content',
  'category',
  'content-type',
] as const;

/** One of the {@link RSS_RULES}. */
export type RssRuleId = (typeof RSS_RULES)[number];

type Report = ReportOf<RssRuleId>;

/** Media types the validator accepts for RSS, preferred first; readers guess at or refuse others. */
const RSS_MEDIA_TYPES = ['application/rss+xml', 'application/xml', 'text/xml'] as const;

/** The namespace each conventional prefix must be bound to (a near-miss URI is a different namespace). */
const PREFIXES = new Map<string, string>(Object.entries(NS));

/** The Dublin Core element set; the validator reports any other dc: element as undefined. */
const DC_ELEMENTS = new Set([
  'contributor',
  'coverage',
  'creator',
  'date',
  'description',
  'format',
  'identifier',
  'language',
  'publisher',
  'relation',
  'rights',
  'source',
  'subject',
  'title',
  'type',
]);

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * The RFC 822 date form the validator accepts without a warning (its `rfc2822_re`): case-sensitive
 * names, optional day-name and seconds, a four-digit year and a named or numeric zone. The validator
 * lets the numeric zone's sign be optional; we require it, as RFC 822 itself does.
 */
const RFC822_DATE = new RegExp(
  `^(?:(${DAY_NAMES.join('|')}), *)?(\\d{1,2}) +(${MONTHS.join('|')}) +(\\d{4}) +` +
    '(\\d{2}):(\\d{2})(?::(\\d{2}))? +([+-]\\d{2}[0-5]\\d|UT|GMT|Z|EST|EDT|CST|CDT|MST|MDT|PST|PDT)$',
);

/** The same shape with a two-digit year, which the validator only warns about; told apart for a clearer message. */
const RFC822_TWO_DIGIT_YEAR = /^(?:[A-Z][a-z]{2}, *)?\d{1,2} +[A-Z][a-z]{2} +\d{2} +\d{2}:\d{2}/;

/**
 * Checks an RSS 2.0 document against the rules in {@link RSS_RULES}, as a feed validator would.
 *
 * @param xml The feed exactly as served.
 * @param options.feedUrl The URL the feed is served at, which its `atom:link rel="self"` must name.
 * @param options.contentType The `Content-Type` it is served with, when known.
 * @returns Every problem found; an empty array means the feed is valid. A feed that is not
 *   well-formed XML yields only that problem, since nothing else can be read reliably.
 */
export function checkRssFeed(xml: string, options: { feedUrl: string; contentType?: string }): FeedProblem[] {
  const parsed = parseFeedXml(xml);
  if ('notWellFormed' in parsed) return [parsed.notWellFormed];
  const { doc } = parsed;
  const problems: FeedProblem[] = [];
  const report: Report = (rule, message) => problems.push({ rule, message });

  if (options.contentType !== undefined) {
    const served = mediaTypeProblems(options.contentType, {
      accepted: RSS_MEDIA_TYPES,
      encoding: xmlEncoding(xml),
      encodingSource: 'the XML encoding',
    });
    for (const problem of served) report('content-type', problem);
  }
  checkNamespaces(doc, report);

  const channel = checkRoot(doc, report);
  if (!channel) return problems;

  checkChannel(channel, options.feedUrl, report);
  const guids = new Map<string, string>();
  children(channel, 'item').forEach((item, index) =>
    checkItem(item, itemLabel('item', index, text(children(item, 'title')[0])), guids, report),
  );
  return problems;
}

/** The rss root with version 2.0 and exactly one channel; returns the channel to check, if any. */
function checkRoot(doc: XmlDocument, report: Report): XmlElement | undefined {
  const rss = doc.documentElement;
  if (!rss) {
    report('root', 'the document has no root element');
    return undefined;
  }
  // A namespaced <rss> (e.g. a default xmlns) is not RSS 2.0, whose elements are in no namespace.
  if (rss.localName !== 'rss' || rss.namespaceURI !== null) {
    const ns = rss.namespaceURI === null ? '' : ` in namespace ${show(rss.namespaceURI)}`;
    report('root', `the root element is <${rss.tagName}>${ns}, not <rss>`);
  }
  const version = rss.getAttribute('version');
  if (version !== '2.0') {
    report('root', `<${rss.tagName} version> is ${version === null ? 'missing' : show(version)}, not "2.0"`);
  }
  const channels = children(rss, 'channel');
  if (channels.length !== 1) {
    report('root', `<${rss.tagName}> has ${channels.length} <channel> elements, not exactly one`);
  }
  return channels[0];
}

function checkChannel(channel: XmlElement, feedUrl: string, report: Report): void {
  for (const name of ['title', 'link', 'description']) {
    const found = children(channel, name);
    if (found.length === 0) report('channel-required', `channel has no <${name}>`);
    else if (found.length > 1) report('channel-required', `channel has ${found.length} <${name}> elements`);
    else if (text(found[0]) === '') report('channel-required', `channel <${name}> is empty`);
  }

  const link = text(children(channel, 'link')[0]);
  if (link !== '' && !isAbsoluteUrl(link, ['http:', 'https:'])) {
    report('channel-link-absolute', `channel <link> ${show(link)} is not an absolute http(s) URL`);
  }

  for (const language of children(channel, 'language')) {
    const value = text(language);
    if (!isLanguageTag(value)) {
      report('language', `channel <language> ${show(value)} is not a language code such as "en" or "en-us"`);
    }
  }

  const self = {
    feedUrl,
    mediaType: 'application/rss+xml',
    where: 'channel',
    element: '<atom:link rel="self">',
  };
  for (const problem of selfLinkProblems(channel, self)) report('atom-self', problem);

  for (const name of ['pubDate', 'lastBuildDate']) {
    for (const date of children(channel, name)) checkDate(`channel <${name}>`, text(date), report);
  }
  checkCategories(channel, 'channel', report);
}

function checkItem(item: XmlElement, label: string, guids: Map<string, string>, report: Report): void {
  // RSS 2.0 only requires one of title or description; an empty one gives a reader nothing to show.
  if (text(children(item, 'title')[0]) === '' && text(children(item, 'description')[0]) === '') {
    report('item-required', `${label} has neither a non-empty <title> nor a non-empty <description>`);
  }
  // Site policy, stricter than RSS: every item is an article, so it must link to its page.
  const link = text(children(item, 'link')[0]);
  if (link === '') {
    report('item-required', `${label} has no <link> (every item must link to its article)`);
  } else if (!isAbsoluteUrl(link, ['http:', 'https:'])) {
    report('item-link-absolute', `${label} <link> ${show(link)} is not an absolute http(s) URL`);
  }

  checkGuid(item, label, guids, report);

  // Site policy: RSS makes pubDate optional, but readers sort a news feed by it.
  const pubDates = children(item, 'pubDate');
  if (pubDates.length === 0) report('rfc822-dates', `${label} has no <pubDate>`);
  for (const date of pubDates) checkDate(`${label} <pubDate>`, text(date), report);

  checkCategories(item, label, report);
  for (const encoded of children(item, 'encoded', NS.content)) checkEncodedContent(encoded, label, report);
  const media = [
    ...children(item, 'content', NS.media),
    ...children(item, 'group', NS.media).flatMap((group) => children(group, 'content', NS.media)),
  ];
  for (const content of media) checkMediaContent(content, label, report);
}

/** Positive whole numbers as Media RSS writes pixel sizes: "1200", not "1200.5", "1,200" or "-1". */
const PIXELS = /^[1-9]\d*$/;

/** Values Media RSS allows for media:description's and media:title's `type`. */
const MEDIA_TEXT_TYPES = new Set(['plain', 'html']);

/**
 * Media RSS (www.rssboard.org/media-rss) `media:content`, as the site uses it for an item's
 * picture: readers fetch `url` out of context, so it must be an absolute http(s) URL; they show
 * it as a picture only with `medium="image"` (site policy: the site encloses nothing else) and an
 * image `type`; and they reserve its space from `width` and `height` (site policy: both given),
 * whole numbers of pixels. A credit or description, if there, must say something.
 */
function checkMediaContent(content: XmlElement, label: string, report: Report): void {
  const flag = (message: string) => report('media-content', `${label} <media:content>: ${message}`);
  const url = content.getAttribute('url');
  if (url === null || url.trim() === '') flag('has no url');
  else if (!isAbsoluteUrl(url.trim(), ['http:', 'https:'])) {
    flag(`url ${show(url)} is not an absolute http(s) URL`);
  }
  const medium = content.getAttribute('medium');
  if (medium !== 'image') {
    flag(
      `medium is ${medium === null ? 'missing' : show(medium)}, not "image" (readers show only images as pictures)`,
    );
  }
  const type = content.getAttribute('type');
  if (type !== null && !/^image\/[\w.+-]+$/.test(type)) flag(`type ${show(type)} is not an image media type`);
  for (const name of ['width', 'height']) {
    const value = content.getAttribute(name);
    if (value === null) flag(`has no ${name} (readers reserve the picture's space from it)`);
    else if (!PIXELS.test(value)) flag(`${name} ${show(value)} is not a whole number of pixels`);
  }
  for (const credit of children(content, 'credit', NS.media)) {
    if (text(credit) === '') flag('has an empty <media:credit>');
  }
  for (const name of ['description', 'title']) {
    for (const element of children(content, name, NS.media)) {
      const textType = element.getAttribute('type');
      if (textType !== null && !MEDIA_TEXT_TYPES.has(textType)) {
        flag(`<media:${name} type> is ${show(textType)}, not "plain" or "html"`);
      }
      if (text(element) === '') flag(`has an empty <media:${name}>`);
    }
  }
}

/** Readers use the guid to tell new items from seen ones, so each must exist and be unique. */
function checkGuid(item: XmlElement, label: string, guids: Map<string, string>, report: Report): void {
  const guid = children(item, 'guid')[0];
  if (!guid) {
    report('guid', `${label} has no <guid>`);
    return;
  }
  const value = text(guid);
  if (value === '') {
    report('guid', `${label} <guid> is empty`);
    return;
  }
  const seenIn = guids.get(value);
  if (seenIn === undefined) guids.set(value, label);
  else report('guid', `${label} <guid> ${show(value)} repeats the guid of ${seenIn}`);

  const isPermaLink = guid.getAttribute('isPermaLink');
  if (isPermaLink !== null && isPermaLink !== 'true' && isPermaLink !== 'false') {
    report('guid', `${label} <guid isPermaLink> is ${show(isPermaLink)}, not "true" or "false"`);
  } else if (isPermaLink !== 'false' && !isAbsoluteUrl(value, ['http:', 'https:'])) {
    // A guid is a permalink unless it says otherwise, and readers open permalinks as pages.
    report(
      'guid',
      `${label} <guid> ${show(value)} is a permalink (isPermaLink ${isPermaLink === null ? 'absent' : '"true"'}) ` +
        'but not an absolute http(s) URL',
    );
  }
}

function checkDate(where: string, value: string, report: Report): void {
  const match = RFC822_DATE.exec(value);
  if (!match) {
    const why = RFC822_TWO_DIGIT_YEAR.test(value) ? 'has a two-digit year' : 'is not an RFC 822 date';
    report('rfc822-dates', `${where} ${show(value)} ${why}; write e.g. "Tue, 28 Mar 2023 21:00:00 GMT"`);
    return;
  }
  const [, dayName, day, month, year, hours, minutes, seconds] = match;
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  date.setUTCFullYear(Number(year), MONTHS.indexOf(month as (typeof MONTHS)[number]), Number(day));
  const realDay = date.getUTCDate() === Number(day) && Number(day) > 0;
  // Seconds may be 60 for a leap second (RFC 5322 §3.3).
  const realTime = Number(hours) < 24 && Number(minutes) < 60 && Number(seconds ?? 0) <= 60;
  if (!realDay || !realTime) {
    report('rfc822-dates', `${where} ${show(value)} is not a real date and time`);
    return;
  }
  // The day-name names the date as written (local to its zone), so no zone conversion applies.
  const actualDayName = DAY_NAMES[date.getUTCDay()];
  if (dayName !== undefined && dayName !== actualDayName) {
    report('rfc822-dates', `${where} ${show(value)} says ${dayName}, but that date is a ${actualDayName}`);
  }
}

function checkCategories(parent: XmlElement, label: string, report: Report): void {
  for (const category of children(parent, 'category')) {
    if (text(category) === '') report('category', `${label} has an empty <category>`);
  }
}

/**
 * content:encoded is HTML shown out of context: relative URLs resolve against the reader, not the
 * site, and readers strip (or worse, run) scripts, styles, frames and event handlers.
 */
function checkEncodedContent(encoded: XmlElement, label: string, report: Report): void {
  const flag = (message: string) =>
    report('content-encoded-absolute-urls', `${label} <content:encoded>: ${message}`);
  const hasChildElements = Array.from(encoded.childNodes).some((node) => node.nodeType === node.ELEMENT_NODE);
  if (hasChildElements) flag('holds XML child elements; its HTML must be escaped or in CDATA');

  for (const problem of feedHtmlProblems(encoded.textContent ?? '')) flag(problem);
}

/**
 * Prefixed elements and prefix declarations must use the real namespace URIs: an element bound to a
 * near-miss URI (say, without the trailing slash) is a different, unknown element to every reader.
 */
function checkNamespaces(doc: XmlDocument, report: Report): void {
  const reported = new Set<string>();
  const wrongBinding = (prefix: string, uri: string | null, what: string) => {
    const expected = PREFIXES.get(prefix);
    if (expected === undefined || uri === expected || reported.has(`${prefix} ${uri}`)) return;
    reported.add(`${prefix} ${uri}`);
    report('namespaces', `${what} binds prefix "${prefix}" to ${show(uri ?? '')}, not ${show(expected)}`);
  };

  for (const element of Array.from(doc.getElementsByTagName('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      if (attribute.prefix === 'xmlns') {
        wrongBinding(attribute.localName ?? '', attribute.value, `<${element.tagName} ${attribute.name}>`);
      }
    }
    if (element.prefix) wrongBinding(element.prefix, element.namespaceURI, `<${element.tagName}>`);
    if (element.namespaceURI === NS.content && element.localName !== 'encoded') {
      report(
        'namespaces',
        `<${element.tagName}> is not an element of the content module (only content:encoded)`,
      );
    }
    if (element.namespaceURI === NS.dc && !DC_ELEMENTS.has(element.localName ?? '')) {
      report('namespaces', `<${element.tagName}> is not a Dublin Core element`);
    }
  }
}
