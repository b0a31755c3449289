import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { describe, expect, it } from 'vitest';
import { splitArticle } from '../../src/lib/authoring/article-parts';
import { fieldPosition } from '../../src/lib/authoring/field-locator';
import { authoringError } from '../../src/lib/authoring/problem';
import { liveProblem } from '../../src/lib/live/checks';
import { readUpdates, type UpdateSource } from '../../src/lib/live/extract';
import { countNewer } from '../../src/lib/live/new-updates';
import { updateBodies } from '../../src/lib/live/sections';
import { updateTimeLabel } from '../../src/lib/live/time';
import { heldBackUpdates, keyEvents, publishedUpdates, updateAnchor } from '../../src/lib/live/updates';
import { lastModified } from '../../src/lib/people/corrections';
import { newsArticleJsonLd } from '../../src/lib/seo/structured-data';
import { siteConfig } from '../../src/site.config';
import { testArticleSchema } from '../helpers/article-schema';
import { errorOf } from '../helpers/errors';

const FILE = 'src/content/articles/live.mdx';

/** A live article: this coverage (YAML lines under `coverage:`, or none) and this body. */
function article(coverage: string | undefined, body: string): string {
  return [
    '---',
    'headline: Polling day',
    'dek: Live coverage of the vote.',
    'byline: JNS',
    "published: '2024-06-11T08:00:00+03:00'",
    'section: israel',
    'tags: [Knesset]',
    ...(coverage === undefined ? [] : ['coverage:', ...coverage.split('\n').map((l) => `  ${l}`)]),
    '---',
    '',
    'The summary.',
    '',
    body,
    '',
  ].join('\n');
}

const update = (attrs: string, text = 'Text.') => `<Update ${attrs}>\n${text}\n</Update>\n`;

/**
 * What the build does with a live article, as the articles' loader runs it: the body's updates
 * read (`readUpdates`), the frontmatter parsed with them, then the checks of both together.
 * Returns the parsed data, or throws the build's error (a schema issue as "field (line N): …").
 */
function load(contents: string) {
  const parts = splitArticle(contents);
  const read = readUpdates(parts.body, parts.bodyLine);
  if (read.problem) throw authoringError(FILE, read.problem);
  const { frontmatter } = parseFrontmatter(contents);
  const result = testArticleSchema.safeParse({
    ...frontmatter,
    ...(read.updates.length > 0 ? { updates: read.updates } : {}),
  });
  if (!result.success) {
    const issue = result.error.issues[0];
    const line = issue ? fieldPosition(contents, issue.path)?.line : undefined;
    throw new Error(`${issue?.path.join('.')} (line ${line}): ${issue?.message}`);
  }
  const problem = liveProblem(contents, result.data, read.updates);
  if (problem) throw authoringError(FILE, problem);
  return result.data;
}

const EXAMPLE = article(
  'status: live',
  [
    update(
      'time="2024-06-11T14:05:00+03:00" title="Polls close" keyEvent',
      'The polls *closed*.\n\nOn time.',
    ),
    update('time="2024-06-11T11:30:00+03:00" title="Turnout passes a third"'),
    update('time="2024-06-11T09:15:00+03:00" title="Polling stations open" keyEvent'),
  ].join('\n'),
);

describe('reading a live page’s updates', () => {
  it('reads each update’s time, title, key event, anchor, line and text, in the order written', () => {
    const data = load(EXAMPLE);
    expect(
      data.updates?.map(({ time, title, keyEvent, anchor, line, text }) => ({
        time: time.iso,
        title,
        keyEvent,
        anchor,
        line,
        text,
      })),
    ).toEqual([
      {
        time: '2024-06-11T14:05:00+03:00',
        title: 'Polls close',
        keyEvent: true,
        anchor: 'update-20240611T110500Z',
        line: 14,
        text: 'The polls closed.\n\nOn time.',
      },
      {
        time: '2024-06-11T11:30:00+03:00',
        title: 'Turnout passes a third',
        keyEvent: false,
        anchor: 'update-20240611T083000Z',
        line: 20,
        text: 'Text.',
      },
      {
        time: '2024-06-11T09:15:00+03:00',
        title: 'Polling stations open',
        keyEvent: true,
        anchor: 'update-20240611T061500Z',
        line: 24,
        text: 'Text.',
      },
    ]);
  });

  it('gives an article without updates no updates', () => {
    expect(load(article(undefined, 'Just text.')).updates).toBeUndefined();
  });

  it('makes anchors from the time alone, in UTC, so adding an update moves none', () => {
    expect(updateAnchor(new Date('2023-03-29T10:15:00+03:00'))).toBe('update-20230329T071500Z');
    expect(updateAnchor(new Date('2023-03-29T07:15:00Z'))).toBe('update-20230329T071500Z');
    const before = load(EXAMPLE).updates?.map((u) => u.anchor);
    const added = EXAMPLE.replace(
      'The summary.\n',
      `The summary.\n\n${update('time="2024-06-11T15:00:00+03:00" title="A new one"')}`,
    );
    expect(
      load(added)
        .updates?.slice(1)
        .map((u) => u.anchor),
    ).toEqual(before);
  });
});

describe('a live page at a build instant', () => {
  const data = load(EXAMPLE);
  const at = (iso: string) => new Date(iso);

  it('shows the updates whose time has come, newest first, and holds back the rest, soonest first', () => {
    const now = at('2024-06-11T09:00:00Z'); // 12:00 in Israel
    expect(publishedUpdates({ data }, now).map((u) => u.title)).toEqual([
      'Turnout passes a third',
      'Polling stations open',
    ]);
    expect(heldBackUpdates({ data }, now).map((u) => u.time.iso)).toEqual(['2024-06-11T14:05:00+03:00']);
    expect(keyEvents({ data }, now).map((u) => u.title)).toEqual(['Polling stations open']);
  });

  it('dates the page’s last change at its latest update shown, not at one held back', () => {
    expect(lastModified({ data }, at('2024-06-11T09:00:00Z')).iso).toBe('2024-06-11T11:30:00+03:00');
    expect(lastModified({ data }, at('2024-06-12T00:00:00Z')).iso).toBe('2024-06-11T14:05:00+03:00');
  });

  it('sets an update’s time apart as the clock, with the day when it is not the day of publication', () => {
    const [first] = data.updates ?? [];
    if (!first) throw new Error('no update');
    expect(updateTimeLabel(first.time, data.published, siteConfig)).toBe('14:05');
    const later = load(article('status: live', update('time="2024-06-12T07:05:00+03:00" title="Next day"')))
      .updates?.[0];
    if (!later) throw new Error('no update');
    expect(updateTimeLabel(later.time, data.published, siteConfig)).toBe('June 12, 07:05');
  });
});

describe('live page JSON-LD', () => {
  const context = {
    url: 'https://news.example.com/articles/live/',
    images: [],
    logoUrl: 'https://news.example.com/favicon.svg',
    sourceUrl: 'https://news.example.com/source/jns/',
    wordCount: 100,
    people: [],
  };

  it('is a LiveBlogPosting with one BlogPosting per published update, and no end while live', () => {
    const data = load(EXAMPLE);
    const ld = newsArticleJsonLd(data, siteConfig, { ...context, now: new Date('2024-06-11T09:00:00Z') });
    expect(ld['@type']).toBe('LiveBlogPosting');
    expect(ld).toMatchObject({
      coverageStartTime: '2024-06-11T08:00:00+03:00',
      dateModified: '2024-06-11T11:30:00+03:00',
      liveBlogUpdate: [
        {
          '@type': 'BlogPosting',
          headline: 'Turnout passes a third',
          datePublished: '2024-06-11T11:30:00+03:00',
          url: 'https://news.example.com/articles/live/#update-20240611T083000Z',
          articleBody: 'Text.',
        },
        { headline: 'Polling stations open' },
      ],
    });
    expect(ld).not.toHaveProperty('coverageEndTime');
    expect(JSON.stringify(ld)).not.toContain('Polls close');
  });

  it('gives the end of the coverage once it has ended', () => {
    const data = load(EXAMPLE.replace('status: live', "status: ended\n  ended: '2024-06-11T20:00:00+03:00'"));
    const ld = newsArticleJsonLd(data, siteConfig, { ...context, now: new Date('2024-06-12T00:00:00Z') });
    expect(ld).toMatchObject({ coverageEndTime: '2024-06-11T20:00:00+03:00' });
    expect(ld.liveBlogUpdate).toHaveLength(3);
  });

  it('keeps an ordinary article a NewsArticle without live fields', () => {
    const ld = newsArticleJsonLd(load(article(undefined, 'Text.')), siteConfig, context);
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld).not.toHaveProperty('liveBlogUpdate');
  });
});

describe('a live page’s feed items and its new-updates button', () => {
  it('cuts a rendered body into each update’s own HTML, by anchor', () => {
    const html =
      '<p>Summary.</p><nav class="key-events"><a href="#update-1">x</a></nav>' +
      '<article class="update" id="update-1"><h3>One</h3><div class="update-body"><p>First <em>text</em>.</p></div></article>' +
      '<article class="update" id="update-2"><h3>Two</h3><div class="update-body"><p>Second.</p></div></article>';
    expect(Object.fromEntries(updateBodies(html))).toEqual({
      'update-1': '<p>First <em>text</em>.</p>',
      'update-2': '<p>Second.</p>',
    });
  });

  it('counts the feed items newer than the newest update the page shows', () => {
    const feed = {
      items: [
        { date_published: '2024-06-11T16:30:00+03:00' },
        { date_published: '2024-06-11T15:00:00+03:00' },
        { date_published: '2024-06-11T14:05:00+03:00' },
      ],
    };
    expect(countNewer(feed, '2024-06-11T14:05:00+03:00')).toBe(2);
    expect(countNewer(feed, '2024-06-11T16:30:00+03:00')).toBe(0);
    expect(countNewer({ nonsense: true }, '2024-06-11T14:05:00+03:00')).toBe(0);
  });
});

/** The build's error for an article, as an author reads it. */
const errorFor = (contents: string) => errorOf(() => load(contents));

describe('bad live input fails the build naming the file, the line and the fix', () => {
  it('an <Update> without time', async () => {
    expect(await errorFor(article('status: live', update('title="Polls close"')))).toMatchInlineSnapshot(`
      {
        "hint": "Add the time, e.g. <Update time="2023-03-29T10:15:00+03:00" title="Foreign ministers arrive" keyEvent>",
        "message": "<Update> in src/content/articles/live.mdx, line 14: time is required: when it happened, with its UTC offset.",
        "name": "AstroUserError",
      }
    `);
  });

  it('a time without an offset', async () => {
    expect(await errorFor(article('status: live', update('time="2024-06-11T14:05:00" title="Polls close"'))))
      .toMatchInlineSnapshot(`
      {
        "hint": "An update’s time is an instant, as \`published\` is: the date, the time and the offset from UTC (+03:00 for Israel in summer, +02:00 in winter).",
        "message": "<Update> in src/content/articles/live.mdx, line 14: time "2024-06-11T14:05:00" has a time but no UTC offset; add one, e.g. "2024-06-11T14:05:00+03:00".",
        "name": "AstroUserError",
      }
    `);
  });

  it('a time before published', async () => {
    expect(
      await errorFor(article('status: live', update('time="2024-06-11T07:00:00+03:00" title="Too early"'))),
    ).toMatchInlineSnapshot(`
      {
        "hint": "Correct the update’s time, or move published earlier.",
        "message": "<Update> in src/content/articles/live.mdx, line 14: time 2024-06-11T07:00:00+03:00 is before the article was published (published: 2024-06-11T08:00:00+03:00); an update cannot come before the page it is on.",
        "name": "AstroUserError",
      }
    `);
  });

  it('a time after ended', async () => {
    expect(
      await errorFor(
        article(
          "status: ended\nended: '2024-06-11T12:00:00+03:00'",
          update('time="2024-06-11T14:05:00+03:00" title="Polls close"'),
        ),
      ),
    ).toMatchInlineSnapshot(`
      {
        "hint": "If the coverage ended later, set ended to the last update’s time or later, e.g. ended: '2024-06-11T14:05:00+03:00'; if the update’s time is wrong, correct it.",
        "message": "<Update> in src/content/articles/live.mdx, line 15: time 2024-06-11T14:05:00+03:00 is after the coverage ended (coverage.ended, line 10: 2024-06-11T12:00:00+03:00); ended must not be before the last update.",
        "name": "AstroUserError",
      }
    `);
  });

  it('ended before the last update', async () => {
    expect(
      await errorFor(
        article(
          "status: ended\nended: '2024-06-11T11:00:00+03:00'",
          [
            update('time="2024-06-11T11:30:00+03:00" title="The last update"'),
            update('time="2024-06-11T09:15:00+03:00" title="An earlier one"'),
          ].join('\n'),
        ),
      ),
    ).toMatchInlineSnapshot(`
      {
        "hint": "If the coverage ended later, set ended to the last update’s time or later, e.g. ended: '2024-06-11T11:30:00+03:00'; if the update’s time is wrong, correct it.",
        "message": "<Update> in src/content/articles/live.mdx, line 15: time 2024-06-11T11:30:00+03:00 is after the coverage ended (coverage.ended, line 10: 2024-06-11T11:00:00+03:00); ended must not be before the last update.",
        "name": "AstroUserError",
      }
    `);
  });

  it('two updates with the same time', async () => {
    expect(
      await errorFor(
        article(
          'status: live',
          [
            update('time="2024-06-11T11:30:00+03:00" title="One"'),
            update('time="2024-06-11T08:30:00Z" title="The same instant"'),
          ].join('\n'),
        ),
      ),
    ).toMatchInlineSnapshot(`
      {
        "hint": "Give each update the minute (or second) it happened, or merge the two into one update.",
        "message": "<Update> in src/content/articles/live.mdx, line 18: two updates have the same time, 2024-06-11T08:30:00Z (this one and the one on line 14); each update’s anchor is made from its time, so each needs its own.",
        "name": "AstroUserError",
      }
    `);
  });

  it('updates not written newest first', async () => {
    expect(
      await errorFor(
        article(
          'status: live',
          [
            update('time="2024-06-11T09:15:00+03:00" title="Older"'),
            update('time="2024-06-11T11:30:00+03:00" title="Newer"'),
          ].join('\n'),
        ),
      ),
    ).toMatchInlineSnapshot(`
      {
        "hint": "Move this <Update> above the one on line 14: a new update goes at the top, under the summary.",
        "message": "<Update> in src/content/articles/live.mdx, line 18: this update (2024-06-11T11:30:00+03:00) is later than the one above it (line 14, 2024-06-11T09:15:00+03:00); updates are written newest first, as the page shows them.",
        "name": "AstroUserError",
      }
    `);
  });

  it('an <Update> in an article without coverage', async () => {
    expect(await errorFor(article(undefined, update('time="2024-06-11T11:30:00+03:00" title="Polls close"'))))
      .toMatchInlineSnapshot(`
      {
        "hint": "Make it a live page: add to the frontmatter
        coverage:
          status: live
      or, for an ordinary article, write the text without <Update>.",
        "message": "<Update> in src/content/articles/live.mdx, line 12: this article has updates but no coverage in its frontmatter; <Update> is for live pages.",
        "name": "AstroUserError",
      }
    `);
  });

  it('status: ended without ended', async () => {
    expect(await errorFor(article('status: ended', ''))).toMatchInlineSnapshot(`
      {
        "message": "coverage.ended (line 8): is required with status: ended: when the coverage ended, e.g. ended: '2023-03-29T20:00:00+03:00'",
        "name": "Error",
      }
    `);
  });

  it('an unknown status', async () => {
    expect(await errorFor(article('status: running', ''))).toMatchInlineSnapshot(`
      {
        "message": "coverage.status (line 9): expected "live" or "ended", received "running"; write status: live while the coverage runs, status: ended once it is over",
        "name": "Error",
      }
    `);
  });

  it('keyEvent with a value', async () => {
    expect(
      await errorFor(
        article('status: live', update('time="2024-06-11T11:30:00+03:00" title="A" keyEvent="yes"')),
      ),
    ).toMatchInlineSnapshot(`
      {
        "hint": "Write keyEvent alone to mark a key event, or leave it out, e.g. <Update time="…" title="…" keyEvent>",
        "message": "<Update> in src/content/articles/live.mdx, line 14: keyEvent is a bare attribute, received keyEvent="yes".",
        "name": "AstroUserError",
      }
    `);
  });

  it('accepts the example written right', () => {
    expect(() => load(EXAMPLE)).not.toThrow();
    const read = readUpdates('No updates here.');
    const updates: UpdateSource[] | undefined = read.problem ? undefined : read.updates;
    expect(updates).toEqual([]);
  });
});
