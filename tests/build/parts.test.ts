import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../../scripts/astro.mjs';
import { PART_RECORD, planParts } from '../../scripts/parts.mjs';
import { ownerOfFile } from '../../src/lib/parts/parts';
import { productionBuild, ROOT, type BuildResult } from '../helpers/build';
import { differingFiles, listFiles } from '../helpers/dist';
import { copyProject } from '../helpers/project-copy';

/**
 * The site built in parts (src/lib/parts/, docs/parts.md): the example archive as the front and
 * three year slices, each in its own process with its own folder and caches, then merged, is the
 * site `npm run build` makes, file for file and byte for byte. A part that fails, or parts that do
 * not belong together, leave dist/ as it was.
 */
const ENV = { NEWS_FIXTURES: '1', NEWS_BUILD_TIME: '2024-06-11T12:00:00Z', NEWS_PAGE_SIZE: '3' };

function expectDone(result: BuildResult, what: string): void {
  if (result.status !== 0) throw new Error(`${what} failed:\n${result.output.slice(-4000)}`);
}

describe('the site built in parts', { timeout: 900_000 }, () => {
  let project: ReturnType<typeof copyProject>;
  let outputs: string;
  const merged = () => join(outputs, 'merged');
  const parts = () => join(outputs, 'parts');
  const run = (script: string, args: string[], env: Record<string, string> = {}) =>
    runCaptured([process.execPath, [join(project.dir, 'scripts', script), ...args]], {
      cwd: project.dir,
      env: { ...ENV, NEWS_OUT_DIR: merged(), NEWS_PARTS_DIR: parts(), ...env },
    });

  beforeAll(() => {
    project = copyProject();
    // Outside the project, as a CI job's artifacts are: the parts' sources are compared byte for byte.
    outputs = mkdtempSync(join(tmpdir(), 'news-parts-'));
    for (const folder of ['tests/fixtures/archive', 'tests/fixtures/authors']) {
      cpSync(join(ROOT, folder), join(project.dir, folder), { recursive: true });
    }
  });
  afterAll(() => {
    project.remove();
    rmSync(outputs, { recursive: true, force: true });
  });

  it('as the front and 3 slices, merged, equals the whole build byte for byte', () => {
    const whole = productionBuild({ root: project.dir, outDir: join(outputs, 'whole'), env: ENV });
    expectDone(whole, 'The whole build');
    const built = run('build-parts.mjs', ['--slices', '3']);
    expectDone(built, 'build:parts');
    expect(built.stdout).toMatch(/now holds the site, built in parts/);
    expect(differingFiles(join(outputs, 'whole'), merged())).toEqual([]);

    // Each part was its own build, in its own folder, holding only its own files.
    const plan = planParts(project.dir, 3, true);
    expect(plan.parts.map(({ name }) => name)).toEqual([
      'front',
      'slice-1-of-3',
      'slice-2-of-3',
      'slice-3-of-3',
    ]);
    for (const { name, part, years } of plan.parts) {
      const site = join(parts(), name, 'site');
      const record = JSON.parse(readFileSync(join(site, PART_RECORD), 'utf8')) as {
        part: string;
        years: string[];
      };
      expect(record.part).toBe(name);
      for (const file of listFiles(site).filter((file) => file !== PART_RECORD)) {
        const owner = ownerOfFile(file);
        if (owner.kind !== 'shared') expect(owner.kind, `${name}: ${file}`).toBe(part.kind);
        if (owner.kind === 'slice' && owner.year) expect(years, `${name}: ${file}`).toContain(owner.year);
      }
      // Its own caches: a slice rendered its years' bodies, the front only those its feeds carry.
      expect(existsSync(join(parts(), name, 'cache', 'astro')), name).toBe(true);
    }
    // The years are split: no slice holds another's search bundle.
    const bundles = plan.parts.flatMap(({ name }) => {
      const folder = join(parts(), name, 'site', 'pagefind');
      return existsSync(folder) ? readdirSync(folder) : [];
    });
    expect(bundles.sort()).toEqual(
      readdirSync(join(merged(), 'pagefind'))
        .filter((name) => /^\d{4}$/.test(name))
        .sort(),
    );
  });

  it('refuses parts built from other sources, a missing part, and leaves dist/ as it was', () => {
    const before = listFiles(merged());
    const snapshot = readFileSync(join(merged(), 'index.html'));
    const folders = ['front', 'slice-1-of-3', 'slice-2-of-3', 'slice-3-of-3'].map((name) =>
      join(parts(), name),
    );

    const missing = run('merge-parts.mjs', folders.slice(0, 3));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Parts missing: slice-3-of-3');

    // A new story, and the front built again alone: its sources are no longer the slices'.
    const story = join(project.dir, 'tests/fixtures/archive/fixture-parts-story.mdx');
    writeFileSync(
      story,
      readFileSync(join(project.dir, 'tests/fixtures/archive/fixture-budget-debate.mdx'), 'utf8').replace(
        /^headline: .*$/m,
        "headline: 'Fixture article: a story for the parts test'",
      ),
    );
    expectDone(run('build-part.mjs', ['front']), 'build:part front');
    const mixed = run('merge-parts.mjs', folders);
    expect(mixed.status).toBe(1);
    expect(mixed.stderr).toMatch(/was built from another set of sources/);
    expect(mixed.stderr).toMatch(/was left as it was/);
    expect(listFiles(merged())).toEqual(before);
    expect(readFileSync(join(merged(), 'index.html')).equals(snapshot)).toBe(true);
  });

  it('stops at a part that fails: nothing is merged', () => {
    const before = listFiles(merged());
    // A body that breaks its component's rules: the part holding it (and the front, whose feeds
    // carry it) fails with the author's message.
    const broken = join(project.dir, 'tests/fixtures/archive/fixture-parts-story.mdx');
    writeFileSync(broken, `${readFileSync(broken, 'utf8')}\n<PullQuote>No speaker.</PullQuote>\n`);
    const failed = run('build-parts.mjs', ['--slices', '3']);
    expect(failed.status).not.toBe(0);
    expect(failed.output).toContain('fixture-parts-story.mdx');
    expect(failed.stderr).toMatch(/Part (front|slice-\d-of-3) failed: nothing merged/);
    expect(listFiles(merged())).toEqual(before);
  });
});
