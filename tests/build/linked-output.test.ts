import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseHTML } from 'linkedom';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { runCaptured } from '../../scripts/astro.mjs';
import { astroManifest, savedManifest } from '../../scripts/linked-output.mjs';
import { readSchedule, scheduleFiles } from '../../scripts/schedule.mjs';
import { productionBuild, ROOT } from '../helpers/build';
import { listFiles } from '../helpers/dist';
import { addPhotoArticle, copyProject, PHOTO_ARTICLE_ID } from '../helpers/project-copy';
import { builtFile, paths } from '../helpers/site';

/**
 * scripts/build.mjs starts a build from hard links to the last good build's unchanged pages
 * (scripts/linked-output.mjs). A link shares its file with dist/, so this proves what must hold:
 * dist/ is never written through a link (a page rendered again is a new file), a failed build
 * still leaves dist/ as it was, and the result is the same site a build from nothing makes.
 *
 * That comparison also proves the pages' cache keys (src/lib/build-cache/cache-keys.ts) cover what the pages
 * show: a page whose key missed a change would be linked (or copied from Astro's cache) as it
 * was, and differ from the build from nothing. So the last rebuild changes what no article's own
 * file holds: a person's file (their name and links, shown in bylines and feed items) and the
 * bytes of a lead photograph replaced under the same name (a face blurred).
 *
 * The search index is in one Pagefind bundle per year (scripts/search-shards.mjs): each build
 * indexes again only the years whose article pages changed, and hard-links the others' files from
 * dist/ unchanged. The build from nothing at the end proves those reused bundles are the ones a
 * fresh index of the same pages writes.
 *
 * The first build holds a story back by its clock: only the note beside dist/ says when it is
 * due (scripts/schedule.mjs), and a scheduler's tick (scripts/build-if-due.mjs) builds nothing
 * until then, and nothing again after the same sources failed.
 */
const ENV = { NEWS_BUILD_TIME: '2024-06-11T12:00:00Z' };
// A story held back by the first build's clock, and the clock of every build after it: the
// instant the story falls due, when a scheduler's check (scripts/build-if-due.mjs) builds again.
const EMBARGOED = 'a-report-under-embargo';
const DUE = '2024-06-12T06:00:00.000Z';
const LATER = { NEWS_BUILD_TIME: DUE };
const TAKEN_DOWN = 'a-report-taken-down';
const report = (headline: string, published: string, tags: string) => `---
headline: ${headline}
dek: A made-up report for the linked-output test.
byline: JNS
published: '${published}'
section: world
tags: [${tags}]
---

A paragraph of a made-up report.
`;
// A person, and an article in another section that names them and shows a map (so that a new
// story in the world section leaves its page's key alone).
const PERSON = 'dana-cohen';
const BY_PERSON = 'a-report-by-a-person';
const BY_PERSON_ARTICLE = `---
headline: A report by a person
dek: A made-up report with a byline, for the linked-output test.
byline: JNS
authors: [${PERSON}]
published: '2023-01-15'
section: middle-east
tags: [Bylines]
---

A paragraph of a made-up report, then a map.

<Figure src="./${BY_PERSON}/map.png" alt="A map" credit="JNS graphics">
  Where it happened.
</Figure>
`;

/** Every file under `dir` with a digest of its bytes. */
function digests(dir: string): Map<string, string> {
  return new Map(
    listFiles(dir).map((file) => [
      file,
      createHash('sha256')
        .update(readFileSync(join(dir, file)))
        .digest('hex'),
    ]),
  );
}

/** Hard links to every file of `dir` in `to`: they see any write made to dist/'s files in place. */
function linkTree(dir: string, to: string): void {
  for (const file of listFiles(dir)) {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    linkSync(join(dir, file), join(to, file));
  }
}

describe('a build from the last build’s pages', () => {
  it('never writes into dist/, removes what is gone, and equals a build from nothing', async () => {
    const project = copyProject();
    const articles = join(project.dir, 'src/content/articles');
    const dist = join(project.dir, 'dist');
    try {
      const build = (env = LATER) => productionBuild({ root: project.dir, env });
      /** A scheduler's tick: builds only when something is due or the sources changed. */
      const tick = (env = LATER) =>
        runCaptured([process.execPath, [join(project.dir, 'scripts/build-if-due.mjs')]], {
          cwd: project.dir,
          env,
        });
      const schedule = () => readSchedule(dist);
      writeFileSync(
        join(articles, `${TAKEN_DOWN}.mdx`),
        report('A report taken down', '2023-02-01', 'Takedown'),
      );
      mkdirSync(join(project.dir, 'src/content/authors'), { recursive: true });
      const person = join(project.dir, `src/content/authors/${PERSON}.md`);
      copyFileSync(join(ROOT, `tests/fixtures/authors/${PERSON}.md`), person);
      writeFileSync(join(articles, `${BY_PERSON}.mdx`), BY_PERSON_ARTICLE);
      const map = join(articles, BY_PERSON, 'map.png');
      mkdirSync(dirname(map));
      copyFileSync(join(ROOT, 'tests/fixtures/archive/fixture-harvest-festival/map.png'), map);
      addPhotoArticle(project.dir);
      writeFileSync(
        join(articles, `${EMBARGOED}.mdx`),
        report('A report under embargo', '2024-06-12T09:00:00+03:00', 'Embargo'),
      );
      const first = build(ENV);
      expect(first.status, first.stderr).toBe(0);
      expect(first.stdout).not.toMatch(/linked from the last build/);
      // Every article is from 2023 (the one from 2024 is held back): one shard, indexed.
      expect(first.stdout).toContain('Search index: 1 of 1 shard re-indexed (2023).');
      expect(listFiles(dist)).toContain(builtFile(paths.topic('takedown')));

      // The story under embargo is nowhere, and its time only beside dist/, for the scheduler.
      expect(first.stdout).toContain(`Next build due: ${DUE}`);
      expect(schedule()).toEqual({
        due: DUE,
        built: expect.stringMatching(/^[0-9a-f]{64}$/),
        failed: undefined,
      });
      expect(readFileSync(scheduleFiles(dist).due, 'utf8')).toBe(`${DUE}\n`);
      expect(listFiles(dist)).not.toContain(builtFile(paths.article(EMBARGOED)));
      expect(listFiles(dist).filter((file) => file.endsWith('.txt'))).toEqual(['robots.txt']);
      expect(listFiles(dist).some((file) => readFileSync(join(dist, file)).includes(DUE))).toBe(false);
      // A tick before that, with the sources as built, builds nothing.
      const idle = tick(ENV);
      expect(idle.status, idle.output).toBe(0);
      expect(idle.output.trim()).toBe(
        `Not building: the sources are as last built, and nothing is due before ${DUE}.`,
      );

      // What dist/ holds now, and links that would see it change.
      const before = digests(dist);
      const watch = join(project.dir, 'watch');
      linkTree(dist, watch);

      // A new story (many pages change), and one taken down (its pages must go), built by the
      // tick at the embargoed story's time.
      writeFileSync(join(articles, 'a-later-report.mdx'), report('A later report', '2023-04-02', 'Israel'));
      rmSync(join(articles, `${TAKEN_DOWN}.mdx`));
      const second = tick();
      expect(second.status, second.stderr).toBe(0);
      expect(second.stdout).toContain(`Building: something held back was due at ${DUE}.`);
      expect(second.stdout).toMatch(
        /\d+ unchanged pages linked from the last build, \d+ no longer built removed\./,
      );
      expect(listFiles(dist)).toContain(builtFile(paths.article(EMBARGOED)));
      expect(second.stdout).toContain('Search index: 2 of 2 shards re-indexed (2023, 2024).');
      expect(second.stdout).toContain('Nothing held back.');
      expect(schedule().due).toBe('');
      // Every file of the old dist/ still has its old bytes, though pages were rendered again.
      expect(digests(watch)).toEqual(before);

      // The article taken down is gone, with its card and its only topic.
      const built = listFiles(dist);
      for (const gone of [
        paths.article(TAKEN_DOWN),
        paths.card(TAKEN_DOWN, 'png'),
        paths.topic('takedown'),
      ]) {
        expect(built).not.toContain(builtFile(gone));
      }
      expect(built).toContain(builtFile(paths.article('a-later-report')));

      // A failed build that started from links leaves dist/ exactly as it was. (It starts from
      // links when Astro's manifest is the one dist/ was built with: see linkPreviousPages.)
      const good = digests(dist);
      expect(readFileSync(savedManifest(dist), 'utf8')).toBe(
        readFileSync(astroManifest(project.dir), 'utf8'),
      );
      const broken = join(articles, 'tweet-without-handle.mdx');
      copyFileSync(join(ROOT, 'tests/fixtures/broken-articles/tweet-without-handle.mdx'), broken);
      const bad = build();
      expect(bad.status).not.toBe(0);
      expect(bad.stdout).toMatch(/^\d+ unchanged pages linked from the last build\.$/m);
      expect(bad.stderr).toContain(`Build failed: ${dist} was left as it was (the last good build).`);
      expect(digests(dist)).toEqual(good);
      // The scheduler does not build the same broken sources again; taken out, they are as built.
      expect(schedule()).toEqual({
        due: '',
        built: expect.any(String),
        failed: expect.any(String),
        failedAt: expect.any(String),
      });
      expect(tick().stdout).toMatch(
        /^Not building: the last build of these sources failed, and nothing is held back/,
      );
      rmSync(broken);
      expect(tick().stdout.trim()).toBe(
        'Not building: the sources are as last built, and nothing is held back.',
      );

      // What no article's own file holds: the person's name and links, and the photograph's bytes.
      const byPerson = builtFile(paths.article(BY_PERSON));
      const photoPage = builtFile(paths.article(PHOTO_ARTICLE_ID));
      const photoCard = builtFile(paths.card(PHOTO_ARTICLE_ID, 'jpg'));
      const regionFeed = builtFile(paths.feed({ kind: 'section', slug: 'middle-east' }, 'json'));
      /** The article's item in its section's feed. */
      const regionItem = () => {
        const feed = JSON.parse(readFileSync(join(dist, regionFeed), 'utf8')) as {
          items: { url: string; content_html: string; authors?: { name: string }[] }[];
        };
        const item = feed.items.find((i) => i.url.endsWith(paths.article(BY_PERSON)));
        expect(item, `${BY_PERSON} in ${regionFeed}`).toBeDefined();
        return item ?? { url: '', content_html: '' };
      };
      const earlier = digests(dist);
      writeFileSync(
        person,
        readFileSync(person, 'utf8')
          .replace('name: Dana Cohen', 'name: Dana Levi-Cohen')
          .replace('https://example.org/dana', 'https://example.org/dana-levi-cohen'),
      );
      const photo = join(articles, PHOTO_ARTICLE_ID, 'lead.jpg');
      writeFileSync(photo, await sharp(readFileSync(photo)).blur(20).jpeg({ quality: 80 }).toBuffer());
      const third = build();
      expect(third.status, third.stderr).toBe(0);
      // Both articles changed are from 2023: the 2024 shard is the last build's.
      expect(third.stdout).toContain('Search index: 1 of 2 shards re-indexed (2023).');
      // Bylines and feed items name the person by their new name, with their new link.
      const page = parseHTML(readFileSync(join(dist, byPerson), 'utf8')).document;
      expect(page.querySelector('.byline a[rel="author"]')?.textContent).toBe('Dana Levi-Cohen');
      const ld = [...page.querySelectorAll('script[type="application/ld+json"]')].map(
        (script) =>
          JSON.parse(script.textContent ?? '') as { author?: { name: string; sameAs?: string[] }[] },
      );
      expect(ld.flatMap((data) => data.author ?? [])).toEqual([
        expect.objectContaining({
          name: 'Dana Levi-Cohen',
          sameAs: expect.arrayContaining(['https://example.org/dana-levi-cohen']),
        }),
      ]);
      expect(regionItem().authors?.map((a) => a.name)).toEqual(['Dana Levi-Cohen']);
      // The card is drawn again from the new photograph, and the page names its new renditions.
      expect(digests(dist).get(photoCard)).not.toBe(earlier.get(photoCard));
      expect(digests(dist).get(photoPage)).not.toBe(earlier.get(photoPage));

      // A picture in an article's body replaced under the same name: its page and its feed items
      // name the new renditions.
      const images = () =>
        [...parseHTML(regionItem().content_html).document.querySelectorAll('img')].map((img) =>
          img.getAttribute('src'),
        );
      const mapBefore = images();
      const pageBefore = digests(dist).get(byPerson);
      const shard2024 = join(dist, paths.pagefind('2024/').slice(1));
      const shardBefore = new Map(
        listFiles(shard2024).map((file) => [file, statSync(join(shard2024, file)).ino]),
      );
      const shardBytes = digests(shard2024);
      writeFileSync(map, await sharp(readFileSync(map)).negate().png().toBuffer());
      const fourth = build();
      expect(fourth.status, fourth.stderr).toBe(0);
      // One article of 2023 changed: only its year is indexed again; the 2024 shard is the same
      // files (hard links to the last build's, never rewritten), byte for byte.
      expect(fourth.stdout).toContain('Search index: 1 of 2 shards re-indexed (2023).');
      expect(shardBefore.size).toBeGreaterThan(5);
      expect(
        new Map(listFiles(shard2024).map((file) => [file, statSync(join(shard2024, file)).ino])),
      ).toEqual(shardBefore);
      expect(digests(shard2024)).toEqual(shardBytes);
      expect(mapBefore).toHaveLength(1);
      expect(images()).not.toEqual(mapBefore);
      expect(digests(dist).get(byPerson)).not.toBe(pageBefore);

      // A build from nothing (--force: Astro's incremental cache ignored, nothing linked) makes the
      // same site. (Another --outDir alone would not do: Astro's cache is the project's, whatever
      // the folder, and would restore the same stale pages.)
      const cold = productionBuild({
        root: project.dir,
        env: LATER,
        args: ['--force'],
        outDir: join(project.dir, 'cold'),
      });
      expect(cold.status, cold.stderr).toBe(0);
      expect(cold.stdout).not.toMatch(/\((cached|restored)\)/);
      expect(digests(dist)).toEqual(digests(join(project.dir, 'cold')));
    } finally {
      project.remove();
    }
  });
});
