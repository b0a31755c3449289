import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, describe, expect, it } from 'vitest';
import { generateArticle } from '../../bench/lib/archive/article.mjs';
import { parseSize } from '../../bench/lib/args.mjs';
import { generateCorpus } from '../../bench/lib/corpus.mjs';
import { hugoPage, shortcodeValue } from '../../bench/lib/hugo/page.mjs';
import { hugoCommand, hugoVersion, makeHugoProject } from '../../bench/lib/hugo/project.mjs';
import { judge } from '../../bench/lib/targets.mjs';

// Article 4 of seed 1, with every share at 1: a lead photograph and a graphic, pull-quotes, a
// post, people and a correction; everything the Hugo page writer has to turn into Hugo's terms.
const SAMPLE = generateArticle(4, 1, { photoShare: 1, authorShare: 1, correctionShare: 1 });

/** The top-level `key: value` lines of a front matter (the generator writes one key a line). */
function topLevel(page: string): Map<string, string> {
  const frontMatter = /^---\n([\s\S]*?)\n---\n/.exec(page)?.[1] ?? '';
  return new Map(
    frontMatter
      .split('\n')
      .map((line) => /^(\w+): ?(.*)$/.exec(line))
      .filter((match) => match !== null)
      .map((match) => [match[1] ?? '', match[2] ?? '']),
  );
}

describe('the Hugo page of a bench article', () => {
  const mdx = SAMPLE.source;
  const page = hugoPage(mdx, SAMPLE.file);
  const body = page.slice(page.indexOf('\n---\n') + 5);

  it('renames the front matter to Hugo’s keys and keeps the values', () => {
    const before = topLevel(mdx);
    const after = topLevel(page);
    expect(after.get('title')).toBe(before.get('headline'));
    expect(after.get('description')).toBe(before.get('dek'));
    expect(after.get('date')).toBe(before.get('published'));
    expect(after.get('sections')).toBe(`[${before.get('section')}]`);
    for (const key of ['byline', 'tags', 'authors']) expect(after.get(key)).toBe(before.get(key));
    for (const key of ['headline', 'dek', 'published', 'section', 'lang']) expect(after.has(key)).toBe(false);
  });

  it('keeps the corrections and names the pictures as files of the page bundle', () => {
    expect(mdx).toMatch(/^corrections:\n {2}- date: '[\d-]+'\n {4}kind: \w+\n {4}text: /m);
    const corrections = /^corrections:\n((?: {2}.*\n)+)/m.exec(mdx)?.[1];
    expect(page).toContain(`corrections:\n${corrections}`);
    expect(mdx).toContain(`  src: ./${SAMPLE.slug}/lead.jpg\n`);
    expect(page).toContain('\n  src: lead.jpg\n');
  });

  it('writes each <PullQuote> as a pullquote shortcode with its speaker, role and words', () => {
    const quotes = [
      ...mdx.matchAll(/<PullQuote speaker=("[^"]*") role=("[^"]*")>\n {2}(.*)\n<\/PullQuote>/g),
    ];
    expect(quotes.length).toBeGreaterThan(0);
    for (const [, speaker, role, words] of quotes) {
      expect(body).toContain(`{{< pullquote speaker=${speaker} role=${role} >}}${words}{{< /pullquote >}}`);
    }
    expect(body).not.toContain('<PullQuote');
  });

  it('writes the <Tweet> as a tweet shortcode, its text on two lines in a raw string', () => {
    const name = /^ {2}name=(".*")$/m.exec(mdx)?.[1];
    const handle = /^ {2}handle="(.*)"$/m.exec(mdx)?.[1];
    const text = /^ {2}text=\{`([^`]*)`\}$/m.exec(mdx)?.[1];
    expect(text).toContain('\n');
    expect(body).toContain(
      `{{< tweet name=${name} handle="${handle}" date="${/^ {2}date="(.*)"$/m.exec(mdx)?.[1]}" lang="en" text=\`${text}\` >}}`,
    );
    expect(body).not.toContain('<Tweet');
  });

  it('writes the <Figure> as a figure shortcode with the graphic’s file name in the bundle', () => {
    const caption = /^<Figure\n[\s\S]*?\n>\n {2}(.*)\n<\/Figure>$/m.exec(mdx)?.[1];
    expect(caption).toBeDefined();
    expect(body).toMatch(/\{\{< figure src="figure\.png" alt="[^"]+" credit="JNS graphics" >\}\}/);
    expect(body).toContain(`${caption}{{< /figure >}}`);
  });

  it('keeps the prose as it is', () => {
    const firstParagraph = mdx.split('\n---\n\n')[1]?.split('\n\n')[0];
    expect(firstParagraph).toBeTruthy();
    expect(body.startsWith(`\n${firstParagraph}\n\n`)).toBe(true);
  });

  it('quotes shortcode values the way Hugo reads them', () => {
    expect(shortcodeValue('Eli Cohen')).toBe('"Eli Cohen"');
    expect(shortcodeValue('say "no"')).toBe('"say \\"no\\""');
    expect(shortcodeValue('one\ntwo')).toBe('`one\ntwo`');
  });

  it('names the file when the MDX is not what the generator writes', () => {
    expect(() => hugoPage('no front matter', 'x.mdx')).toThrow(/^x\.mdx: no front matter/);
    expect(() =>
      hugoPage("---\nheadline: 'A'\npublished: '2024-01-02'\n---\n\n<Aside />\n", 'y.mdx'),
    ).toThrow(/^y\.mdx: a block the Hugo page writer does not know: <Aside \/>/);
  });
});

// A real Hugo build of a small archive, when Hugo is installed (`sudo apt-get install hugo`, or
// `node scripts/ensure-test-tools.mjs` as root on Debian; see docs/testing.md).
const hugo = hugoVersion();

describe.skipIf(hugo === null)(`Hugo (${hugo ?? 'not installed'}) building the bench archive`, () => {
  const work = mkdtempSync(join(os.tmpdir(), 'hugo-corpus-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('builds 20 articles with their shortcodes, pictures, listings, people and feeds', async () => {
    const corpus = join(work, 'corpus');
    // One in ten with a photograph: two here, enough to see the pictures processed, few enough
    // to keep Hugo's image processing (a second or two each) short.
    const archive = await generateCorpus(corpus, 20, { seed: 1, photoShare: 0.1, people: true });
    const project = join(work, 'hugo');
    expect(makeHugoProject(project, corpus)).toBe(20);

    const [command, args] = hugoCommand(project);
    const result = spawnSync(command, args, { cwd: project, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);

    const publicDir = join(project, 'public');
    const read = (path: string) => parseHTML(readFileSync(join(publicDir, path), 'utf8')).document;
    for (const { slug } of archive.articles)
      expect(existsSync(join(publicDir, 'articles', slug, 'index.html'))).toBe(true);

    const first = generateArticle(0, 1, { photoShare: 0.1 });
    const page = read(`articles/${first.slug}/index.html`);
    expect(page.querySelector('h1')?.textContent).toBe(
      /^headline: '(.*)'$/m.exec(first.source)?.[1]?.replace(/''/g, "'"),
    );
    expect(page.querySelectorAll('figure.pull-quote blockquote p').length).toBe(
      (first.source.match(/<PullQuote /g) ?? []).length,
    );
    const tweet = page.querySelector('figure.tweet');
    expect(tweet?.querySelector('.handle')?.textContent).toBe(
      `@${/^ {2}handle="(.*)"$/m.exec(first.source)?.[1]}`,
    );
    expect([...(tweet?.querySelectorAll('blockquote a') ?? [])].map((a) => a.getAttribute('href'))).toEqual([
      expect.stringMatching(/^https:\/\/x\.com\/\w+$/),
      expect.stringMatching(/^https:\/\/x\.com\/hashtag\/\w+$/),
    ]);

    const withPhoto = archive.articles.find((a) => a.lead);
    expect(withPhoto).toBeDefined();
    const picture = read(`articles/${withPhoto?.slug}/index.html`).querySelector('picture');
    expect(picture?.querySelector('source[type="image/webp"]')?.getAttribute('srcset')).toMatch(
      /_320x0_.*\.webp 320w/,
    );
    const files = readdirSync(join(publicDir, 'articles', withPhoto?.slug ?? ''));
    expect(files.filter((f) => f.endsWith('.webp')).length).toBeGreaterThanOrEqual(6);

    // Listings of ten a page, the people's pages, and Hugo's own RSS.
    expect(read('articles/index.html').querySelectorAll('main li h2').length).toBe(10);
    expect(existsSync(join(publicDir, 'articles/page/2/index.html'))).toBe(true);
    const sections = new Set(
      archive.files.map(
        (file) => /^section: (.*)$/m.exec(readFileSync(join(corpus, 'articles', file), 'utf8'))?.[1],
      ),
    );
    for (const section of sections)
      expect(existsSync(join(publicDir, 'sections', `${section}`, 'index.html'))).toBe(true);
    expect(readdirSync(join(publicDir, 'authors')).length).toBeGreaterThan(1);
    expect(readFileSync(join(publicDir, 'index.xml'), 'utf8')).toContain('<rss');
  });
});

describe('the bench against Hugo', () => {
  const build = (ms: number) => ({ ok: true, ms, peakMiB: 100, cpuMs: ms });

  it('judges the 20,000 cold build against Hugo’s where both ran, and only there', () => {
    const size = (n: number, full: number, hugo: number | null) => ({
      n,
      full: build(full),
      bare: null,
      hugo: hugo === null ? null : build(hugo),
      ratio: null,
      hugoRatio: hugo === null ? null : full / hugo,
    });
    const target = (perSize: ReturnType<typeof size>[]) =>
      judge(perSize, null).targets.find((t) => t.id === 'full-vs-hugo-20000');

    expect(target([size(4000, 40_000, 1000), size(20_000, 90_000, 30_000)])).toMatchObject({
      value: 3,
      pass: true,
    });
    expect(target([size(20_000, 150_000, 30_000)])).toMatchObject({ value: 5, pass: false });
    expect(target([size(4000, 40_000, 1000), size(20_000, 90_000, null)])).toMatchObject({
      value: null,
      pass: null,
    });
  });

  it('reads sizes with a "k" for thousands', () => {
    expect(['4k', '20k', '150k', '150_000', '100'].map(parseSize)).toEqual([
      4000, 20_000, 150_000, 150_000, 100,
    ]);
    expect(parseSize('1.5k')).toBeNaN();
  });
});
