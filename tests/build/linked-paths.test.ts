import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/lib/site/slug';
import { productionBuild } from '../helpers/build';
import { copyProject } from '../helpers/project-copy';
import { builtFile, paths } from '../helpers/site';

/** A tag in Hebrew: its pages live at a non-ASCII path, which Astro's manifest records percent-encoded. */
const TAG = 'ירושלים';

describe('a build from the last build’s pages', () => {
  it('links pages at non-ASCII paths too, rather than copying them out of Astro’s cache', () => {
    const project = copyProject();
    try {
      writeFileSync(
        join(project.dir, 'src/content/articles/a-report-from-jerusalem.mdx'),
        `---
headline: A report from Jerusalem
dek: A made-up report with a tag in Hebrew.
byline: JNS
published: '2023-03-30'
section: israel
tags: [${TAG}]
---

A paragraph of a made-up report.
`,
      );
      const page = join(project.dir, 'dist', builtFile(paths.topic(slugify(TAG))));
      const first = productionBuild({ root: project.dir });
      expect(first.status, first.stderr).toBe(0);
      const before = statSync(page);

      // Nothing changed: every page is the last build's file, hard-linked, the tag's included.
      const second = productionBuild({ root: project.dir });
      expect(second.status, second.stderr).toBe(0);
      const after = statSync(page);
      expect([after.dev, after.ino]).toEqual([before.dev, before.ino]);
    } finally {
      project.remove();
    }
  });
});
