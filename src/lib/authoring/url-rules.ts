/**
 * Which addresses an article (or a person's bio) may link to and show pictures from, read as a
 * browser reads them: a link goes to an `https:`, `http:` or `mailto:` address or a path on this
 * site; a picture is a file on this site. `javascript:`, `data:` and `vbscript:` never pass,
 * however they are written (capitals, a tab or line break inside, spaces or control characters
 * around: the browser drops those before it reads the scheme). Pure.
 */

/** The schemes a link may have. */
export const LINK_SCHEMES: readonly string[] = ['https', 'http', 'mailto'];

/** An address as a browser reads it before anything else: what it is, and its scheme if any. */
export interface ReadUrl {
  /** The scheme, in lower case ("javascript"); undefined for a path. */
  scheme?: string;
  /** The host of an address on another host ("evil.example"), for `//host/…` too. */
  host?: string;
}

/**
 * Reads `url` as the URL standard does before resolving it: leading and trailing C0 controls and
 * spaces dropped, every tab and line break inside removed, `\` read as `/`, the scheme matched
 * without regard to case.
 * @example readUrl(' JaVa\tScript:alert(1)') // { scheme: 'javascript' }
 * @example readUrl('//evil.example/x.png') // { host: 'evil.example' }
 */
export function readUrl(url: string): ReadUrl {
  const cleaned = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
  const slashed = cleaned.replace(/\\/g, '/');
  const relativeHost = /^\/\/([^/?#]*)/.exec(slashed)?.[1];
  if (scheme !== undefined) {
    const host = URL.parse(cleaned)?.host;
    return { scheme, ...(host ? { host } : {}) };
  }
  return relativeHost === undefined ? {} : { host: relativeHost };
}

/**
 * Why a link to `url` is refused, or undefined when it may be published: `https:`, `http:` and
 * `mailto:` addresses, and paths on this site (`/…`, `./…`, `#…`, `?…`).
 * @example linkRefusal('javascript:alert(1)') // 'a javascript: address runs code when a reader follows it'
 */
export function linkRefusal(url: string): string | undefined {
  const { scheme, host } = readUrl(url);
  if (scheme === undefined) {
    return host === undefined
      ? undefined
      : `an address starting with // leaves the scheme to the page (write https://${host}/…)`;
  }
  if (LINK_SCHEMES.includes(scheme)) return undefined;
  if (scheme === 'javascript' || scheme === 'vbscript') {
    return `a ${scheme}: address runs code when a reader follows it`;
  }
  if (scheme === 'data') return 'a data: address carries a whole page inside the link';
  return `a link goes to an https:, http: or mailto: address or a path on this site, not a ${scheme}: address`;
}

/**
 * Why a picture from `url` is refused, or undefined for a file of this site (a path): a page and
 * its feeds load nothing from another host, and a `data:` picture is a file pasted into the text.
 * @example pictureRefusal('https://evil.example/pixel.gif') // 'it loads from evil.example, another host'
 */
export function pictureRefusal(url: string): string | undefined {
  const { scheme, host } = readUrl(url);
  if (scheme === undefined && host === undefined) return undefined;
  if (scheme === 'data') return 'a data: picture is a file pasted into the text';
  if (host !== undefined) return `it loads from ${host}, another host`;
  return `it is a ${scheme}: address, not a file beside the article`;
}

/**
 * The file name at the end of a picture's address, for the fix ("./pixel.gif"); "photo.jpg" when
 * it has none.
 * @example pictureFileName('https://evil.example/img/pixel.gif?x=1') // 'pixel.gif'
 */
export function pictureFileName(url: string): string {
  const path = URL.parse(url.trim(), 'https://site.invalid/')?.pathname ?? '';
  const name = path.slice(path.lastIndexOf('/') + 1);
  return /^[\w.-]+\.[a-z\d]+$/i.test(name) ? name : 'photo.jpg';
}
