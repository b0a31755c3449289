import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import GithubSlugger from 'github-slugger';
import { markdownToMdast, type MdastNode } from 'satteri';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build';

/**
 * The docs a newcomer reads, and whose links they follow: the front door, the contributors' guide,
 * every page under docs/, and the runs' history the performance page sends them to.
 */
function docFiles(root: string): string[] {
  const docs = readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`);
  return ['README.md', 'CONTRIBUTING.md', ...docs, 'bench/results/HISTORY.md'].filter((file) =>
    existsSync(join(root, file)),
  );
}

/** A link as written in a Markdown file: its target and the line it is on. */
interface Link {
  url: string;
  line: number;
}

/** The visible text of a node, as GitHub reads a heading to make its anchor. */
function plainTextOf(node: MdastNode): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as MdastNode[]).map(plainTextOf).join('');
  return '';
}

/**
 * Every link, image and link definition in a Markdown source, and the anchors of its headings.
 * Parsed, not scanned: a link shown inside a code span or block is text, not a link.
 */
function readMarkdown(source: string): { links: Link[]; anchors: Set<string> } {
  const links: Link[] = [];
  const anchors = new Set<string>();
  // GitHub numbers repeated headings (`#notes`, `#notes-1`): one slugger per file, in order.
  const slugger = new GithubSlugger();
  const visit = (node: MdastNode): void => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      links.push({ url: node.url, line: node.position?.start.line ?? 0 });
    }
    if (node.type === 'heading') anchors.add(slugger.slug(plainTextOf(node)));
    if ('children' in node) for (const child of node.children as MdastNode[]) visit(child);
  };
  visit(markdownToMdast(source));
  return { links, anchors };
}

/** Whether a link leaves the repository: a scheme (`https:`, `mailto:`) or a protocol-relative `//`. */
const isExternal = (url: string): boolean => /^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('//');

/**
 * The links in `files` (paths relative to `root`) that do not resolve: a relative path to no
 * file or folder of the repository, or a `#anchor` into a Markdown file that has no such heading.
 * @returns one line per broken link, "file:line: target — why"
 * @example brokenLinks('/repo', ['README.md']) // ['README.md:12: docs/x.md — no such file']
 */
function brokenLinks(root: string, files: string[]): string[] {
  const anchorsOf = new Map<string, Set<string>>();
  const anchors = (file: string): Set<string> => {
    let found = anchorsOf.get(file);
    if (!found) {
      found = readMarkdown(readFileSync(file, 'utf8')).anchors;
      anchorsOf.set(file, found);
    }
    return found;
  };
  const broken: string[] = [];
  for (const file of files) {
    const from = join(root, file);
    for (const { url, line } of readMarkdown(readFileSync(from, 'utf8')).links) {
      if (isExternal(url)) continue;
      const report = (why: string): void => void broken.push(`${file}:${line}: ${url} — ${why}`);
      const hash = url.indexOf('#');
      const path = decodeURIComponent(hash === -1 ? url : url.slice(0, hash));
      const fragment = hash === -1 ? '' : decodeURIComponent(url.slice(hash + 1));
      if (path.startsWith('/')) {
        report('a path from the root means the site, not the repository: write it relative to this file');
        continue;
      }
      const target = path === '' ? from : resolve(dirname(from), path);
      if (relative(root, target).startsWith(`..${sep}`)) {
        report('points outside the repository');
        continue;
      }
      if (!existsSync(target)) {
        report('no such file or folder');
        continue;
      }
      // Anchors are checked only where GitHub makes them from headings: in Markdown files.
      if (fragment && target.endsWith('.md') && !anchors(target).has(fragment)) {
        report(`no heading with that anchor in ${relative(root, target)}`);
      }
    }
  }
  return broken;
}

describe('links in the docs', () => {
  it('resolve to a file of the repository and, into Markdown, to a heading', () => {
    const files = docFiles(ROOT);
    expect(files).toContain('README.md');
    expect(files).toContain('docs/writing.md');

    expect(brokenLinks(ROOT, files)).toEqual([]);
  });

  describe('the checker', () => {
    const root = mkdtempSync(join(tmpdir(), 'docs-links-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('reports a missing file, a missing heading and a link out of the repository, and nothing else', () => {
      mkdirSync(join(root, 'docs'));
      writeFileSync(
        join(root, 'docs/guide.md'),
        '# Guide\n\n## What `npm test` proves\n\n## Notes\n\n## Notes\n',
      );
      writeFileSync(
        join(root, 'README.md'),
        [
          '# Site',
          '',
          '## Two commands',
          '',
          '[guide](docs/guide.md) [proves](docs/guide.md#what-npm-test-proves) [notes](docs/guide.md#notes-1)',
          '[here](#two-commands) [folder](docs/) [web](https://example.org/x.md#nowhere) [mail](mailto:a@b.c)',
          '`[in code](docs/none.md)`',
          '',
          '```md',
          '[in a block](docs/none.md)',
          '```',
          '',
          '[gone](docs/gone.md)',
          '[no heading](docs/guide.md#deploying)',
          '[no heading here](#three-commands)',
          '[out](../elsewhere.md)',
          '[ref][r]',
          '',
          '[r]: docs/missing.md',
        ].join('\n'),
      );

      expect(brokenLinks(root, ['README.md', 'docs/guide.md'])).toEqual([
        'README.md:13: docs/gone.md — no such file or folder',
        'README.md:14: docs/guide.md#deploying — no heading with that anchor in docs/guide.md',
        'README.md:15: #three-commands — no heading with that anchor in README.md',
        'README.md:16: ../elsewhere.md — points outside the repository',
        'README.md:19: docs/missing.md — no such file or folder',
      ]);
    });
  });
});
