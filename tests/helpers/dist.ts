import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { builtFile } from './site';
import { parseXml } from './xml';

/** Every file under `dir`, as paths relative to it with "/" separators. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The files of two built sites that differ, by path (missing on one side, or other bytes). */
export function differingFiles(a: string, b: string): string[] {
  const files = new Set([...listFiles(a), ...listFiles(b)]);
  return [...files].filter((file) => {
    try {
      return !readFileSync(join(a, file)).equals(readFileSync(join(b, file)));
    } catch {
      return true;
    }
  });
}

/**
 * Text a server compresses (HTML, CSS, scripts, feeds and other XML, XSLT, SVG, JSON, plain
 * text), by a built file's name or a URL path; a path ending in "/" is a page.
 */
export function isText(path: string): boolean {
  return /\.(html|css|js|xml|xsl|svg|json|txt)$/.test(path) || path.endsWith('/');
}

/** The built file a URL path under `base` is served from ({@link builtFile}), if there is one. */
function fileFor(distDir: string, pathname: string, base: string): string | undefined {
  if (!pathname.startsWith(base)) return undefined;
  const file = join(distDir, builtFile(`/${decodeURIComponent(pathname.slice(base.length))}`));
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

export interface BrokenLink {
  /** The file in dist/ the link is in. */
  from: string;
  /** The link as written. */
  link: string;
}

/**
 * Every link and asset reference in the built site that points at the site itself, and does not
 * resolve to a built file: `href`, `src`, `srcset`, `content` of URL-valued metas, CSS `url()`
 * in inline styles, and the feed's links. Links to other hosts are left alone.
 * @param site the site's absolute origin + base, e.g. "https://user.github.io/news/"
 */
export function findBrokenLinks(distDir: string, site: string): BrokenLink[] {
  const siteUrl = new URL(site);
  const base = siteUrl.pathname;
  const broken: BrokenLink[] = [];

  const check = (from: string, link: string, pageUrl: URL) => {
    if (/^(mailto:|data:|#)/.test(link)) return;
    const url = new URL(link, pageUrl);
    if (url.origin !== siteUrl.origin) return;
    if (!fileFor(distDir, url.pathname, base)) broken.push({ from, link });
  };

  for (const file of listFiles(distDir)) {
    const path = join(distDir, file);
    const pageUrl = new URL(file.replace(/index\.html$/, ''), siteUrl);
    if (file.endsWith('.html')) {
      const { document } = parseHTML(readFileSync(path, 'utf8'));
      for (const el of document.querySelectorAll(
        '[href], [src], [srcset], meta[property^="og:"][content^="http"]',
      )) {
        for (const attr of ['href', 'src', 'content']) {
          const value = el.getAttribute(attr);
          if (value && (attr !== 'content' || /^https?:/.test(value))) check(file, value, pageUrl);
        }
        for (const candidate of (el.getAttribute('srcset') ?? '').split(',')) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url) check(file, url, pageUrl);
        }
      }
      for (const style of document.querySelectorAll('style')) {
        for (const [, url] of (style.textContent ?? '').matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
          if (url) check(file, url, pageUrl);
        }
      }
    } else if (file.endsWith('.css')) {
      for (const [, url] of readFileSync(path, 'utf8').matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
        if (url) check(file, url, pageUrl);
      }
    } else if (file.endsWith('.xml')) {
      const doc = parseXml(readFileSync(path, 'utf8'));
      for (const name of ['link', 'guid', 'comments']) {
        for (const el of Array.from(doc.getElementsByTagName(name))) {
          if (el.textContent) check(file, el.textContent.trim(), pageUrl);
        }
      }
      for (const el of Array.from(doc.getElementsByTagName('*'))) {
        const href = el.getAttribute('href');
        if (href) check(file, href, pageUrl);
      }
      for (const el of Array.from(doc.getElementsByTagName('content:encoded'))) {
        const { document } = parseHTML(`<html><body>${el.textContent ?? ''}</body></html>`);
        for (const a of document.querySelectorAll('[href], [src]')) {
          const value = a.getAttribute('href') ?? a.getAttribute('src');
          if (value) check(file, value, pageUrl);
        }
      }
    }
  }
  return broken;
}
