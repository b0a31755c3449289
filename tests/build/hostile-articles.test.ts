import { copyFileSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroCommand, runCaptured } from '../../scripts/astro.mjs';
import { printedError, productionBuild, ROOT } from '../helpers/build';
import { listFiles } from '../helpers/dist';
import { copyProject } from '../helpers/project-copy';

const HOSTILE = join(ROOT, 'tests/fixtures/hostile');
const FIXTURES = readdirSync(HOSTILE).filter((name) => name.endsWith('.mdx'));

// The allow-list runs in the content loader (src/lib/articles/loader.ts), so `astro sync`, which
// loads every collection and stops there, meets each hostile article on the same path a build
// does, at a fraction of a build's cost; the messages themselves are pinned in
// tests/unit/mdx-allow-list.test.ts. One production build shows the refusal keeps the last site.
describe('a hostile article', () => {
  // 13 syncs of about 15 s each (mostly Vite starting) on a busy machine: more than one build's time.
  it(
    'is refused by astro sync, naming the file, the line and a fix, each of them',
    { timeout: 420_000 },
    () => {
      const project = copyProject();
      try {
        const articles = join(project.dir, 'src/content/articles');
        const seen = FIXTURES.map((name) => {
          copyFileSync(join(HOSTILE, name), join(articles, name));
          const run = runCaptured(astroCommand(['sync']), { cwd: project.dir });
          rmSync(join(articles, name));
          const error = printedError(`${run.stdout}\n${run.stderr}`, project.dir);
          return { name, status: run.status, error };
        });
        for (const { name, status, error } of seen) {
          expect(status, name).not.toBe(0);
          expect(error?.name, name).toBe('AstroUserError');
          expect(error?.message[0], name).toMatch(
            new RegExp(`^src/content/articles/${name.replace('.', '\\.')}, line \\d+: `),
          );
          expect(error?.location, name).toMatch(
            new RegExp(`^src/content/articles/${name.replace('.', '\\.')}:\\d+:\\d+$`),
          );
          expect(error?.hint, name).toBeTruthy();
        }
        // The same line the unit tests pin, as the author reads it.
        expect(seen.find((s) => s.name === 'prop-process-env.mdx')?.error).toMatchInlineSnapshot(`
        {
          "hint": "Write the value itself: words in quotes, speaker="…", or a number in braces, speaker={3}. An article cannot work out a value or read one from the build.",
          "location": "src/content/articles/prop-process-env.mdx:12:12",
          "message": [
            "src/content/articles/prop-process-env.mdx, line 12: speaker={process.env.DEPLOY_TOKEN} on <PullQuote> is code: a value in braces must be a literal (words in quotes, a number, true or false, or a \`template\` without \${…}).",
          ],
          "name": "AstroUserError",
        }
      `);
        // With every hostile article gone, the project syncs again.
        expect(runCaptured(astroCommand(['sync']), { cwd: project.dir }).status).toBe(0);
      } finally {
        project.remove();
      }
    },
  );

  it('fails the production build and leaves the last good site as it was', () => {
    const project = copyProject();
    try {
      const dist = join(project.dir, 'dist');
      const snapshot = () => listFiles(dist).map((file) => [file, readFileSync(join(dist, file), 'utf8')]);
      const good = productionBuild({ root: project.dir });
      expect(good.status, good.stderr).toBe(0);
      const before = snapshot();

      copyFileSync(join(HOSTILE, 'esm-import.mdx'), join(project.dir, 'src/content/articles/esm-import.mdx'));
      const bad = productionBuild({ root: project.dir });
      expect(bad.status).not.toBe(0);
      expect(printedError(bad.stderr, project.dir)).toMatchInlineSnapshot(`
        {
          "hint": "Delete the line. The site’s components need no import, and a picture is a file beside the article, shown with <Figure src="./photo.jpg" alt="…" credit="…">Caption.</Figure>.",
          "location": "src/content/articles/esm-import.mdx:10:1",
          "message": [
            "src/content/articles/esm-import.mdx, line 10: MDX reads "import { readFileSync } from 'node:fs';" as code: an article cannot import anything.",
          ],
          "name": "AstroUserError",
        }
      `);
      expect(bad.stderr).toMatch(/dist was left as it was \(the last good build\)/);
      expect(snapshot()).toEqual(before);
    } finally {
      project.remove();
    }
  });
});
