import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { lockFile } from '../../scripts/build-lock.mjs';
import { astroBuild, productionBuild, ROOT, warnings } from '../helpers/build';
import { findBrokenLinks, listFiles } from '../helpers/dist';
import { addPhotoArticle, copyProject } from '../helpers/project-copy';
import { builtFile, paths, siteUrl } from '../helpers/site';
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
      // The real site, which has no people's files yet: valid, so nothing to warn about.
      expect(warnings(good.output)).toEqual([]);
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
      // It started from the last build's pages, and its log says so though Astro failed.
      expect(bad.stdout).toMatch(/^\d+ unchanged pages linked from the last build\.$/m);
      expect(snapshot()).toEqual(before);
      // Nor the unfinished folder (a walk of the copy would also go through its node_modules link).
      expect(existsSync(join(project.dir, '.dist-next'))).toBe(false);
    } finally {
      project.remove();
    }
  });

  it('leaves Astro’s cache true: a listing rendered before the failure is not restored later', () => {
    const project = copyProject();
    try {
      // One page at a time, so the month's listing is rendered (with the broken article on it)
      // and its cache copy written before the article's own page throws; four at a time, which
      // comes first is a race. The defect is the same either way.
      const config = join(project.dir, 'astro.config.mjs');
      const text = readFileSync(config, 'utf8');
      expect(text).toMatch(/concurrency: 4,/);
      writeFileSync(config, text.replace(/concurrency: 4,/, 'concurrency: 1,'));
      const build = () => productionBuild({ root: project.dir });
      const dist = join(project.dir, 'dist');
      const month = builtFile(paths.archiveMonth('2023', '03'));

      /** The articles the month's listing links to. */
      const listed = () =>
        [
          ...parseHTML(readFileSync(join(dist, month), 'utf8')).document.querySelectorAll('.article-list a'),
        ].map((a) => a.getAttribute('href'));

      expect(build().status).toBe(0);
      const listing = listed();
      expect(listing).toEqual([paths.article('azerbaijan-opens-embassy-in-israel')]);

      const broken = join(project.dir, 'src/content/articles/tweet-without-handle.mdx');
      copyFileSync(join(ROOT, 'tests/fixtures/broken-articles/tweet-without-handle.mdx'), broken);
      const bad = build();
      expect(bad.status).not.toBe(0);
      // The listing was rendered with the broken article before its page threw.
      expect(bad.stdout).toContain(`/${month}`);
      expect(bad.stdout.indexOf(`/${month}`)).toBeLessThan(
        bad.stdout.indexOf(`/${builtFile(paths.article('tweet-without-handle'))}`),
      );

      // The author takes the article out; the next build restores from Astro's cache (no dist/).
      rmSync(broken);
      rmSync(dist, { recursive: true });
      const after = build();
      expect(after.status, after.stderr).toBe(0);
      expect(listed()).toEqual(listing);
      expect(findBrokenLinks(dist, siteUrl(paths.home()))).toEqual([]);
    } finally {
      project.remove();
    }
  });

  it('runs one at a time: a build finds the lock of a live one and stops, a dead one’s is taken over', () => {
    const project = copyProject();
    try {
      const dist = join(project.dir, 'dist');
      const lock = lockFile(dist);
      // Held by a live process (this test's).
      writeFileSync(lock, `${process.pid}\n`);
      const held = productionBuild({ root: project.dir });
      expect(held.status).not.toBe(0);
      expect(held.stderr).toContain(`pid ${process.pid}; lock file ${lock}`);
      expect(held.stderr).toContain(`delete ${lock}`);
      expect(existsSync(dist)).toBe(false);
      expect(readFileSync(lock, 'utf8')).toBe(`${process.pid}\n`);

      // Left by a process that has ended.
      const gone = spawnSync(process.execPath, ['-e', '']).pid;
      writeFileSync(lock, `${gone}\n`);
      const taken = productionBuild({ root: project.dir });
      expect(taken.status, taken.stderr).toBe(0);
      expect(statSync(join(dist, 'index.html')).isFile()).toBe(true);
      expect(existsSync(lock)).toBe(false);
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
