/**
 * Article HTML → feed HTML. A feed's content is read by programs we do not control, with none of
 * the site's styles or scripts, so it is cut down to an allow-list of plain HTML: what articles
 * legitimately contain (text, links, quotes, figures, images, tables), every URL absolute and
 * http(s) or mailto, nothing that runs, styles or identifies (no script, style, class, id, on*,
 * data-*), nothing loaded from another host (a tracking pixel would tell that host who reads the
 * feed). The pipeline is unified's: rehype-parse → each `<picture>` to its `<img>` → absolute
 * URLs → resources from another host dropped → rehype-sanitize with {@link FEED_HTML_SCHEMA} →
 * rehype-stringify.
 *
 * The build already refuses such a body (src/lib/authoring/mdx-allow-list.ts); this is the
 * second guard, for whatever reaches the feed past it (see docs/trust-model.md).
 *
 * A new MDX component's markup must survive the allow-list and still read well; if it needs an
 * element or attribute the schema lacks, extend {@link FEED_HTML_SCHEMA} here, in one place.
 */
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeSanitize, { defaultSchema, type Options as Schema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';

/** URL schemes a feed may link to; any other URL (javascript:, data:, vbscript:, …) is dropped. */
const URL_SCHEMES = ['http', 'https', 'mailto'] as const;

/** The elements of a responsive picture, which {@link pictureToImg} turns into its `<img>`. */
const PICTURE_ELEMENTS = ['picture', 'source'];

/** What a picture's `<img>` keeps in a feed (hast property names): its file, its size, its alt text. */
const IMG_FROM_PICTURE = ['src', 'srcSet', 'sizes', 'width', 'height', 'alt'] as const;

/** The hast properties that hold one URL (`href`, `src`, `cite`, `poster`) or a list (`srcSet`). */
const URL_PROPERTIES = ['href', 'src', 'cite', 'poster'] as const;
const URL_LIST_PROPERTY = 'srcSet';

/**
 * The hast properties whose URL a reader's program loads by itself, without a click: a picture's
 * file (`src`, each `srcset` entry), a video's poster, an object's data. Those on another host
 * than the article's are dropped ({@link ownHostResources}); links (`href`) and sources quoted
 * (`cite`) are followed only by a reader's choice, and stay.
 */
const RESOURCE_PROPERTIES = ['src', 'poster', 'data'] as const;

/**
 * Removed with everything inside them: they run code, embed another document, take input, or hold
 * text that is not part of the article (a style sheet, a template, a fallback for no script).
 */
const REMOVED_WITH_CONTENT = [
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'select',
  'option',
  'optgroup',
  'datalist',
  'textarea',
  'output',
  'fieldset',
  'title',
  'svg',
  'math',
  'noembed',
  'noframes',
  'xmp',
];

/** Attributes every kept element may carry: language, direction, advisory title, hiding. */
const GLOBAL_ATTRIBUTES = ['dir', 'lang', 'title', 'hidden', 'ariaHidden', 'ariaLabel'];

/**
 * The feed HTML allow-list: GitHub's schema (hast-util-sanitize's `defaultSchema`, maintained
 * with the sanitizer) for its elements and ancestry rules, extended with what articles and their
 * components use (figure, figcaption, bdi, time, cite, …). Attributes are
 * listed here in full rather than inherited, since the default's list carries ids, names,
 * classes and old form and layout attributes a feed has no use for.
 *
 * - No `id` or `name`: the default schema would rewrite them with a "user-content-" prefix
 *   (so they cannot clobber globals in the reader's page), which breaks `#fragment` links anyway;
 *   in a feed every fragment link already points at the article page (see `absoluteUrls`).
 * - No `class`, `style`, `data-*` or event handler: the reader's styles apply, nothing runs.
 * - Elements not listed (custom elements such as `<astro-island>`, `<span>`-like wrappers of
 *   other libraries) are unwrapped and their text kept; {@link REMOVED_WITH_CONTENT} go whole.
 * - No `<picture>` or `<source>`: {@link pictureToImg} has already put each picture's `<img>` in
 *   its place; leaving both out here too drops a stray `<source>` (outside a picture it means
 *   nothing) and is a second guard behind that step.
 */
export const FEED_HTML_SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter(
      (name) => !REMOVED_WITH_CONTENT.includes(name) && !PICTURE_ELEMENTS.includes(name),
    ),
    'abbr',
    'bdi',
    'bdo',
    'caption',
    'cite',
    'col',
    'colgroup',
    'data',
    'dfn',
    'figcaption',
    'figure',
    'mark',
    'small',
    'time',
    'u',
    'wbr',
  ],
  attributes: {
    '*': GLOBAL_ATTRIBUTES,
    a: ['href', 'hrefLang'],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite', 'dateTime'],
    ins: ['cite', 'dateTime'],
    time: ['dateTime'],
    data: ['value'],
    img: ['src', 'srcSet', 'sizes', 'alt', 'width', 'height'],
    ol: ['start', 'reversed', 'type'],
    li: ['value'],
    details: ['open'],
    td: ['colSpan', 'rowSpan'],
    th: ['colSpan', 'rowSpan', 'scope', 'abbr'],
    col: ['span'],
    colgroup: ['span'],
  },
  // A second guard behind `absoluteUrls`, which already dropped every other scheme.
  protocols: Object.fromEntries(
    [...URL_PROPERTIES, URL_LIST_PROPERTY].map((property) => [property, [...URL_SCHEMES]]),
  ),
  // Nothing left to clobber (no id, no name), so nothing is renamed.
  clobber: [],
  clobberPrefix: '',
  required: {},
  strip: REMOVED_WITH_CONTENT,
};

/**
 * Turns an article body rendered for the web into HTML fit for a feed's content (see the module
 * comment): allow-listed elements and attributes only, every URL absolute against the article's.
 * @param html the body as rendered by Astro
 * @param pageUrl the article's absolute URL, against which relative URLs are resolved
 * @example toFeedHtml('<p class="x"><a href="/b/">b</a></p>', 'https://news.example.com/a/')
 *   // '<p><a href="https://news.example.com/b/">b</a></p>'
 */
export function toFeedHtml(html: string, pageUrl: string): string {
  return (
    unified()
      .use(rehypeParse, { fragment: true })
      .use(pictureToImg)
      .use(absoluteUrls, pageUrl)
      .use(ownHostResources, pageUrl)
      .use(rehypeSanitize, FEED_HTML_SCHEMA)
      // Only what must be escaped is, with the named references every reader knows ("&amp;", "&lt;").
      .use(rehypeStringify, { characterReferences: { useNamedReferences: true } })
      .processSync(html)
      .toString()
      .trim()
  );
}

/**
 * A rehype plugin: every `<picture>` replaced by its own `<img>`, the fallback a browser shows
 * when it takes none of the picture's `<source>`s. Feed readers handle `<picture>` unevenly
 * (some drop it, some pick a `<source>` in a format they cannot show, AVIF or WebP), while every
 * reader shows an `<img>` of a JPEG or PNG. The `<img>` keeps what says which file to load
 * and how large it is drawn ({@link IMG_FROM_PICTURE}: `src`, `srcset`, `sizes`, `width`,
 * `height`) and its alt text; loading hints (`loading`, `decoding`, `fetchpriority`), classes and
 * data attributes are the page's business and go. A picture without an `<img>` shows nothing in
 * a browser either, and is dropped.
 */
export function pictureToImg() {
  return (tree: Root): void => {
    visit(tree, 'element', (element: Element, index, parent) => {
      if (element.tagName !== 'picture' || parent === undefined || index === undefined) return undefined;
      const img = element.children.find(
        (child): child is Element => child.type === 'element' && child.tagName === 'img',
      );
      const replacement: Element[] = img
        ? [
            {
              ...img,
              properties: Object.fromEntries(
                Object.entries(img.properties).filter(([name]) =>
                  (IMG_FROM_PICTURE as readonly string[]).includes(name),
                ),
              ),
              children: [],
            },
          ]
        : [];
      parent.children.splice(index, 1, ...replacement);
      // Carry on after what was put in its place.
      return [SKIP, index + replacement.length];
    });
  };
}

/**
 * A rehype plugin: every URL made absolute against `base` (feed readers resolve relative URLs
 * inconsistently, some not at all), `srcset` candidate by candidate; a URL that does not parse or
 * whose scheme is not in {@link URL_SCHEMES} is dropped (for `srcset`, that candidate only).
 */
function absoluteUrls(base: string) {
  return (tree: Root): void => {
    visit(tree, 'element', (element: Element) => {
      const { properties } = element;
      for (const name of URL_PROPERTIES) {
        const value = properties[name];
        if (value === undefined || value === null) continue;
        const absolute = typeof value === 'string' ? absoluteUrl(value, base) : undefined;
        if (absolute === undefined) delete properties[name];
        else properties[name] = absolute;
      }
      const list = properties[URL_LIST_PROPERTY];
      if (list !== undefined && list !== null) {
        // A string in hast (property-information does not split it); a list only if another
        // plugin split it at commas, so it is joined back with them.
        const candidates = srcsetCandidates(Array.isArray(list) ? list.join(',') : String(list), base);
        if (candidates.length === 0) delete properties[URL_LIST_PROPERTY];
        else properties[URL_LIST_PROPERTY] = candidates.join(', ');
      }
    });
  };
}

/**
 * A rehype plugin, after {@link absoluteUrls}: every resource ({@link RESOURCE_PROPERTIES}, and
 * each `srcset` entry) on another host than `base`'s is dropped, and an `<img>` left with no
 * file at all goes with it (it would show a broken picture). Links stay.
 */
function ownHostResources(base: string) {
  const host = new URL(base).host;
  const own = (url: string) => URL.parse(url)?.host === host;
  return (tree: Root): void => {
    visit(tree, 'element', (element: Element, index, parent) => {
      const { properties } = element;
      for (const name of RESOURCE_PROPERTIES) {
        const value = properties[name];
        if (value !== undefined && value !== null && !(typeof value === 'string' && own(value))) {
          delete properties[name];
        }
      }
      const list = properties[URL_LIST_PROPERTY];
      if (list !== undefined && list !== null) {
        // Already absolute, ", "-joined candidates (see absoluteUrls): the URL is up to the first space.
        const kept = String(list)
          .split(', ')
          .filter((candidate) => own(candidate.split(' ')[0] ?? ''));
        if (kept.length === 0) delete properties[URL_LIST_PROPERTY];
        else properties[URL_LIST_PROPERTY] = kept.join(', ');
      }
      const empty =
        element.tagName === 'img' &&
        properties['src'] === undefined &&
        properties[URL_LIST_PROPERTY] === undefined;
      if (!empty || parent === undefined || index === undefined) return undefined;
      parent.children.splice(index, 1);
      return index;
    });
  };
}

/** `value` resolved against `base`, or undefined when it does not parse or has another scheme. */
function absoluteUrl(value: string, base: string): string | undefined {
  const url = URL.parse(value, base);
  if (!url || !(URL_SCHEMES as readonly string[]).includes(url.protocol.slice(0, -1))) return undefined;
  return url.href;
}

/**
 * The candidates of a `srcset` ("a.jpg 1x, b.jpg 2x", "a.jpg 480w,b.jpg 800w"), each URL made
 * absolute and its descriptor kept; candidates with a URL {@link absoluteUrl} refuses are left out.
 * Read as the HTML standard reads it: a URL runs to the next space (so it may hold commas), and
 * its descriptors run to the next comma outside parentheses.
 */
export function srcsetCandidates(srcset: string, base: string): string[] {
  const candidates: string[] = [];
  let index = 0;
  while (index < srcset.length) {
    while (index < srcset.length && /[\s,]/.test(srcset.charAt(index))) index += 1;
    if (index >= srcset.length) break;
    const urlStart = index;
    while (index < srcset.length && !/\s/.test(srcset.charAt(index))) index += 1;
    let url = srcset.slice(urlStart, index);
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      const descriptorStart = index;
      let depth = 0;
      while (index < srcset.length) {
        const character = srcset.charAt(index);
        if (character === '(') depth += 1;
        else if (character === ')') depth -= 1;
        else if (character === ',' && depth <= 0) break;
        index += 1;
      }
      descriptor = srcset.slice(descriptorStart, index).trim().replace(/\s+/g, ' ');
    }
    const absolute = absoluteUrl(url, base);
    if (absolute !== undefined) candidates.push(descriptor === '' ? absolute : `${absolute} ${descriptor}`);
  }
  return candidates;
}
