import { cpSync, globSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productionBuild, ROOT, type BuildResult } from '../helpers/build';
import { differingFiles, listFiles } from '../helpers/dist';
import { copyProject } from '../helpers/project-copy';

/**
 * The production build renders each article's body once per content, before Astro, into a cache
 * Astro's store points to (scripts/render-bodies.mjs, src/lib/bodies/). These builds of the
 * example archive prove what that must keep:
 * - the site is the one Astro makes when it renders every body itself (NEWS_RENDERED_BODIES=0),
 *   byte for byte, pictures in bodies (a `<Figure>`, a `<Tweet>`'s saved photo, a Markdown
 *   picture) included, and no such body is a module of the bundle;
 * - a body is rendered again when, and only when, its text or a component it uses changes, and
 *   a picture replaced under the same name still reaches its page;
 * - a body the pre-pass cannot render is left to Astro, which fails the build with the author's
 *   message; dist/ stays as it was, and the cache holds only whole bodies.
 */
// NEWS_BODIES_AHEAD_MIN=1: the pre-pass renders even one changed body (a publish leaves fewer
// than 100 to Astro, which one step below checks).
const ENV = {
  NEWS_FIXTURES: '1',
  NEWS_BUILD_TIME: '2024-06-11T12:00:00Z',
  NEWS_PAGE_SIZE: '3',
  NEWS_BODIES_AHEAD_MIN: '1',
};
/** An article in a folder with a Markdown picture beside a `<Figure>`, added to the copy's archive. */
const PICTURES = 'fixture-markdown-picture';
const PICTURES_ARTICLE = `---
headline: 'Fixture article: a Markdown picture'
dek: 'A made-up story with a picture written in Markdown, for the rendered-bodies test.'
byline: JNS
published: '2024-03-02'
section: world
tags: [protocol]
---

A paragraph before the pictures of a made-up story.

![A wooden podium between two flags on poles](./podium.jpg)

<Figure src="./emblem.png" alt="A round emblem" credit="JNS graphics">
  The emblem, *again*.
</Figure>

A paragraph after them.
`;

/** "Bodies: 12 rendered, 0 unchanged, 2 left to Astro": the pre-pass's own count. */
function bodies(build: BuildResult): { rendered: number; unchanged: number; left: number } {
  const match = /Bodies: (\d+) rendered, (\d+) unchanged, (\d+) left to Astro/.exec(build.stdout);
  if (!match) throw new Error(`No "Bodies:" line in the build's output:\n${build.output.slice(-3000)}`);
  return { rendered: Number(match[1]), unchanged: Number(match[2]), left: Number(match[3]) };
}

function expectBuilt(build: BuildResult): void {
  if (build.status !== 0) throw new Error(`The build failed:\n${build.output.slice(-4000)}`);
}

describe('bodies rendered ahead of time', { timeout: 600_000 }, () => {
  let project: ReturnType<typeof copyProject>;
  let outputs: string;
  const article = (id: string) => join(project.dir, 'tests/fixtures/archive', `${id}.mdx`);
  const page = (out: string, id: string) => readFileSync(join(out, 'articles', id, 'index.html'), 'utf8');

  beforeAll(() => {
    project = copyProject();
    outputs = join(project.dir, 'outputs');
    mkdirSync(outputs);
    cpSync(join(ROOT, 'tests/fixtures/archive'), join(project.dir, 'tests/fixtures/archive'), {
      recursive: true,
    });
    cpSync(join(ROOT, 'tests/fixtures/authors'), join(project.dir, 'tests/fixtures/authors'), {
      recursive: true,
    });
    const folder = join(project.dir, 'tests/fixtures/archive', PICTURES);
    mkdirSync(folder);
    writeFileSync(join(folder, 'index.mdx'), PICTURES_ARTICLE);
    for (const picture of ['podium.jpg', 'emblem.png']) {
      cpSync(join(ROOT, 'tests/fixtures/archive/fixture-embassy-visit', picture), join(folder, picture));
    }
  });
  afterAll(() => project.remove());

  it('builds the site Astro builds when it renders every body, byte for byte, without bundling them', () => {
    const stored = productionBuild({ root: project.dir, outDir: join(outputs, 'stored'), env: ENV });
    expectBuilt(stored);
    const articles = globSync('tests/fixtures/archive/**/[^_]*.mdx', { cwd: project.dir });
    const live = articles.filter((file) => /^coverage:/m.test(readFileSync(join(project.dir, file), 'utf8')));
    expect(live.length).toBeGreaterThan(0);
    // Every body but the live pages' (their updates are shown by the hour) is rendered ahead.
    expect(bodies(stored)).toEqual({
      rendered: articles.length + 1 - live.length,
      unchanged: 0,
      left: live.length,
    });
    // The bundle's content modules are the live pages' alone.
    const modules = readFileSync(join(project.dir, '.astro/content-modules.mjs'), 'utf8');
    expect([...modules.matchAll(/^\["([^"]+)"/gm)].map((match) => match[1]).sort()).toEqual(live.sort());

    const astro = productionBuild({
      root: project.dir,
      outDir: join(outputs, 'astro'),
      env: { ...ENV, NEWS_RENDERED_BODIES: '0' },
      args: ['--force'],
    });
    expectBuilt(astro);
    expect(astro.stdout).not.toMatch(/Bodies: /);
    expect(differingFiles(join(outputs, 'stored'), join(outputs, 'astro'))).toEqual([]);
    // The pictures came out as pictures: the Markdown one through astro:assets, the others as <picture>.
    const html = page(join(outputs, 'stored'), PICTURES);
    expect(html).toMatch(
      /<img src="\/_astro\/podium\.[^"]+" alt="A wooden podium between two flags on poles"/,
    );
    expect(html).toMatch(/<picture[^>]*>.*emblem/s);
    expect(html).not.toContain('news-picture');
  });

  it('renders a body again only when its text or a component it uses changes', () => {
    const out = join(outputs, 'edits');
    const build = () => {
      const result = productionBuild({ root: project.dir, outDir: out, env: ENV });
      expectBuilt(result);
      return result;
    };
    build();
    const total = bodies(build());
    expect(total.rendered).toBe(0);

    // A publish: one body changed, with the default minimum, is left to Astro, and shows.
    const published = article('fixture-tech-exports');
    writeFileSync(
      published,
      `${readFileSync(published, 'utf8')}\nA paragraph published by the rendered-bodies test.\n`,
    );
    const publish = productionBuild({
      root: project.dir,
      outDir: out,
      env: { ...ENV, NEWS_BODIES_AHEAD_MIN: '100' },
    });
    expectBuilt(publish);
    expect(bodies(publish)).toEqual({ rendered: 0, unchanged: total.unchanged - 1, left: total.left + 1 });
    expect(page(out, 'fixture-tech-exports')).toContain('A paragraph published by the rendered-bodies test.');
    // The next build renders it ahead.
    expect(bodies(build())).toEqual({ ...total, rendered: 1, unchanged: total.unchanged - 1 });

    // One body's text.
    const edited = article('fixture-budget-debate');
    writeFileSync(
      edited,
      `${readFileSync(edited, 'utf8')}\nA paragraph added by the rendered-bodies test.\n`,
    );
    expect(bodies(build())).toEqual({ ...total, rendered: 1, unchanged: total.unchanged - 1 });
    expect(page(out, 'fixture-budget-debate')).toContain('A paragraph added by the rendered-bodies test.');

    // A component: the bodies with a <PullQuote>, and only those, are rendered again.
    const withQuote = globSync(['tests/fixtures/archive/**/[^_]*.mdx', 'src/content/articles/**/*.mdx'], {
      cwd: project.dir,
    }).filter((file) => {
      const text = readFileSync(join(project.dir, file), 'utf8');
      return text.includes('<PullQuote') && !/^coverage:/m.test(text);
    });
    expect(withQuote.length).toBeGreaterThan(0);
    const component = join(project.dir, 'src/components/mdx/PullQuote.astro');
    writeFileSync(
      component,
      readFileSync(component, 'utf8').replace(
        '<figure class="pull-quote"',
        '<figure class="pull-quote edited"',
      ),
    );
    expect(bodies(build())).toEqual({
      ...total,
      rendered: withQuote.length,
      unchanged: total.unchanged - withQuote.length,
    });
    expect(page(out, 'fixture-crossing-talks')).toContain('class="pull-quote edited"');

    // A picture replaced under the same name: no body changes, but its page shows the new file.
    const before = page(out, PICTURES);
    cpSync(
      join(ROOT, 'tests/fixtures/archive/fixture-harvest-festival/map.png'),
      join(project.dir, 'tests/fixtures/archive', PICTURES, 'emblem.png'),
    );
    expect(bodies(build()).rendered).toBe(0);
    const after = page(out, PICTURES);
    expect(after).not.toEqual(before);
    const fresh = productionBuild({
      root: project.dir,
      outDir: join(outputs, 'fresh'),
      env: ENV,
      args: ['--force'],
    });
    expectBuilt(fresh);
    expect(after).toEqual(page(join(outputs, 'fresh'), PICTURES));
  });

  it('leaves a body it cannot render to Astro, which fails with the author’s message, and keeps only whole bodies', () => {
    const out = join(outputs, 'edits');
    const before = listFiles(out).map((file) => [file, readFileSync(join(out, file))] as const);
    const broken = article('fixture-broken-quote');
    writeFileSync(
      broken,
      `---
headline: A broken pull-quote
dek: A made-up story whose pull-quote names no speaker.
byline: JNS
published: '2024-03-03'
section: world
tags: [protocol]
---

Words.

<PullQuote>Words without a speaker.</PullQuote>
`,
    );
    const failed = productionBuild({ root: project.dir, outDir: out, env: ENV });
    rmSync(broken);
    expect(failed.status).not.toBe(0);
    expect(bodies(failed).left).toBeGreaterThan(0);
    expect(failed.stdout).toContain('fixture-broken-quote.mdx');
    expect(failed.output).toMatch(/speaker/);
    // dist/ is the last good build, file for file.
    expect(listFiles(out)).toEqual(before.map(([file]) => file));
    for (const [file, bytes] of before) expect(readFileSync(join(out, file)).equals(bytes)).toBe(true);
    // Every body in the cache is whole: written to a temporary name and renamed.
    const cache = join(project.dir, 'node_modules/.cache/news-bodies');
    const files = listFiles(cache);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(file).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{32}\.json$/);
      expect(() => JSON.parse(readFileSync(join(cache, file), 'utf8')) as unknown).not.toThrow();
    }
  });
});
