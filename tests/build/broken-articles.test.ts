import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild, ROOT } from '../helpers/build';
import { copyProject } from '../helpers/project-copy';

const FIXTURES = join(ROOT, 'tests/fixtures/broken-articles');

/** Builds a copy of the project with one broken article added; returns the build's output. */
function buildWith(fixture: string): { status: number | null; output: string } {
  const project = copyProject();
  try {
    copyFileSync(join(FIXTURES, fixture), join(project.dir, 'src/content/articles', fixture));
    return astroBuild(project.dir);
  } finally {
    project.remove();
  }
}

describe('a broken article fails the build with a message naming the file and the field', () => {
  it.each([
    ['missing-headline.mdx', ['missing-headline', 'headline', 'is required']],
    ['impossible-date.mdx', ['impossible-date', 'published', '"2023-02-30" is not a day of the calendar']],
    [
      'tweet-without-handle.mdx',
      ['<Tweet> in src/content/articles/tweet-without-handle.mdx', 'prop "handle" is required'],
    ],
    [
      'pull-quote-without-speaker.mdx',
      ['<PullQuote> in src/content/articles/pull-quote-without-speaker.mdx', 'prop "speaker" is required'],
    ],
    [
      'unknown-component.mdx',
      [
        'src/content/articles/unknown-component.mdx uses <Instagram>, which is not a component articles can use',
      ],
    ],
    ['malformed-mdx.mdx', ['malformed-mdx.mdx', 'PullQuote']],
    [
      'Azerbaijan-Opens-Embassy-In-Israel.mdx',
      ['azerbaijan-opens-embassy-in-israel', 'Azerbaijan-Opens-Embassy-In-Israel.mdx'],
    ],
  ])('%s', (fixture, mustSay) => {
    const { status, output } = buildWith(fixture);
    expect(status, output).not.toBe(0);
    for (const words of mustSay) expect(output, `the build output should say: ${words}`).toContain(words);
  });
});
