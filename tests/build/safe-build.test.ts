import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { astroBuild, productionBuild, ROOT } from '../helpers/build';
import { listFiles } from '../helpers/dist';
import { addPhotoArticle, copyProject } from '../helpers/project-copy';
import { NS, parseXml } from '../helpers/xml';

/** The words tests/fixtures/hostile-photo.mdx gives its lead photograph, as an author wrote them. */
const HOSTILE_PHOTO = {
  alt: '</media:description><script>alert("alt")</script> & ]]> “quoted”',
  caption: '</figcaption><script>alert("caption")</script> & ]]><![CDATA[ caption',
  credit: '</media:credit><img src=x onerror=alert("credit")> & ]]>',
};

describe('npm run build', () => {
  it('never leaves a broken site: a failed build keeps the last good dist/ exactly as it was', () => {
    const project = copyProject();
    try {
      const build = () => productionBuild({ root: project.dir });
      const snapshot = () => {
        const dist = join(project.dir, 'dist');
        return listFiles(dist).map((file) => [file, readFileSync(join(dist, file), 'utf8')]);
      };

      const good = build();
      expect(good.status, good.stderr).toBe(0);
      const before = snapshot();
      expect(before.map(([file]) => file)).toContain(
        'articles/azerbaijan-opens-embassy-in-israel/index.html',
      );

      copyFileSync(
        join(ROOT, 'tests/fixtures/broken-articles/tweet-without-handle.mdx'),
        join(project.dir, 'src/content/articles/tweet-without-handle.mdx'),
      );
      const bad = build();
      expect(bad.status).not.toBe(0);
      expect(bad.stderr).toMatch(/dist was left as it was \(the last good build\)/);
      expect(snapshot()).toEqual(before);
      // Nor the unfinished folder (a walk of the copy would also go through its node_modules link).
      expect(existsSync(join(project.dir, '.dist-next'))).toBe(false);
    } finally {
      project.remove();
    }
  });
});

describe('hostile text from an author', () => {
  it('reaches the page and the feed as inert text', () => {
    const project = copyProject();
    try {
      copyFileSync(
        join(ROOT, 'tests/fixtures/hostile-article.mdx'),
        join(project.dir, 'src/content/articles/hostile.mdx'),
      );
      // A folder-style article with a lead photograph and hostile words for it.
      addPhotoArticle(project.dir);
      const { status, output } = astroBuild(project.dir);
      expect(status, output).toBe(0);

      const html = readFileSync(join(project.dir, 'dist/articles/hostile/index.html'), 'utf8');
      const { document } = parseHTML(html);
      // The one script is the JSON-LD block; the hostile headline must stay inside it as data.
      expect(document.querySelectorAll('script:not([type="application/ld+json"]), img, b')).toHaveLength(0);
      const jsonLd = document.querySelectorAll('script[type="application/ld+json"]');
      expect(jsonLd).toHaveLength(1);
      expect(JSON.parse(jsonLd[0]?.textContent ?? '').headline).toBe(
        '</title><script>alert("headline")</script> & ]]> “quoted”',
      );
      expect(document.querySelector('h1')?.textContent).toBe(
        '</title><script>alert("headline")</script> & ]]> “quoted”',
      );
      expect(document.querySelector('title')?.textContent).toContain('</title><script>');
      expect(document.querySelector('.dek')?.textContent).toBe(
        '<img src=x onerror=alert("dek")> ]]><![CDATA[ dek',
      );
      expect(document.querySelector('figure bdi')?.textContent).toBe("<script>alert('name')</script>");
      for (const a of document.querySelectorAll('a'))
        expect(a.getAttribute('href')).not.toMatch(/^javascript:/i);

      const feed = parseXml(readFileSync(join(project.dir, 'dist/rss.xml'), 'utf8'));
      const item = [...feed.getElementsByTagName('item')].find((i) =>
        i.getElementsByTagName('title')[0]?.textContent?.includes('alert("headline")'),
      );
      expect(item?.getElementsByTagName('title')[0]?.textContent).toBe(
        '</title><script>alert("headline")</script> & ]]> “quoted”',
      );
      const content = item?.getElementsByTagNameNS(NS.content, 'encoded')[0]?.textContent ?? '';
      const body = parseHTML(`<html><body>${content}</body></html>`).document;
      expect(body.querySelectorAll('script, img')).toHaveLength(0);
      expect(body.querySelector('blockquote')?.textContent).toContain(
        "</blockquote><script>alert('text')</script>",
      );

      // The lead photograph's alt text, caption and credit: text on the page, and in every feed.
      const photoPage = parseHTML(
        readFileSync(join(project.dir, 'dist/articles/hostile-photo/index.html'), 'utf8'),
      ).document;
      expect(photoPage.querySelectorAll('script:not([type="application/ld+json"])')).toHaveLength(0);
      expect([...photoPage.querySelectorAll('img')].map((img) => img.getAttribute('alt'))).toEqual([
        HOSTILE_PHOTO.alt,
      ]);
      expect(photoPage.querySelector('figure.lead-image .caption')?.textContent).toBe(HOSTILE_PHOTO.caption);
      expect(photoPage.querySelector('figure.lead-image .credit')?.textContent?.trim()).toBe(
        `Photo: ${HOSTILE_PHOTO.credit}`,
      );

      const photoItem = [...feed.getElementsByTagName('item')].find((i) =>
        i.getElementsByTagName('title')[0]?.textContent?.includes('hostile words'),
      );
      const media = (name: string) => photoItem?.getElementsByTagNameNS(NS.media, name)[0]?.textContent;
      expect([media('description'), media('title'), media('credit')]).toEqual([
        HOSTILE_PHOTO.alt,
        HOSTILE_PHOTO.caption,
        HOSTILE_PHOTO.credit,
      ]);
      const photoContent = parseHTML(
        `<html><body>${photoItem?.getElementsByTagNameNS(NS.content, 'encoded')[0]?.textContent ?? ''}</body></html>`,
      ).document;
      expect(photoContent.querySelectorAll('script')).toHaveLength(0);
      expect([...photoContent.querySelectorAll('img')].map((img) => img.getAttribute('alt'))).toEqual([
        HOSTILE_PHOTO.alt,
      ]);
      expect([...photoContent.querySelectorAll('figcaption span')].map((span) => span.textContent)).toEqual([
        HOSTILE_PHOTO.caption,
        `Photo: ${HOSTILE_PHOTO.credit}`,
      ]);

      const atom = parseXml(readFileSync(join(project.dir, 'dist/atom.xml'), 'utf8'));
      const enclosure = [...atom.getElementsByTagNameNS(NS.atom, 'link')].find(
        (link) => link.getAttribute('rel') === 'enclosure',
      );
      expect(enclosure?.getAttribute('title')).toBe(HOSTILE_PHOTO.alt);
    } finally {
      project.remove();
    }
  });
});
