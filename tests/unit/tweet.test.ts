import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Tweet from '../../src/components/mdx/Tweet.astro';
import postPhoto from '../fixtures/archive/fixture-harvest-festival/map.png';
import { errorOf } from '../helpers/errors';
import { parseFragment, readerText } from '../helpers/html';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const cohen = {
  name: 'אלי כהן | Eli Cohen',
  handle: 'elicoh1',
  date: '2023-03-29',
  lang: 'en',
  text: 'History!\nI am currently hosting Azerbaijan’s Foreign Minister @Bayramov_Jeyhun at the Ministry of Foreign Affairs in Jerusalem.\nFor the first time after 30 years of diplomatic relations between our countries, pic.twitter.com/K9Mr8WqeCE',
};

const render = (props: Record<string, unknown>) =>
  container.renderToString(Tweet, { props, locals: { articleSource: 'src/content/articles/example.mdx' } });

describe('<Tweet>', () => {
  it('quotes the post in a blockquote that cites the author’s profile when no post URL is known', async () => {
    const doc = parseFragment(await render(cohen));
    const quote = doc.querySelector('figure blockquote');
    expect(quote?.getAttribute('cite')).toBe('https://x.com/elicoh1');
    expect(quote?.getAttribute('lang')).toBe('en');
    // The post's own line breaks are kept, each line word for word.
    const lines = (quote?.querySelector('p')?.innerHTML ?? '')
      .split(/<br\b[^>]*>/)
      .map((line) => readerText(parseFragment(`<p>${line}</p>`).querySelector('p')));
    expect(lines).toEqual(cohen.text.split('\n'));
  });

  it('isolates the mixed Hebrew and Latin name so it reads in the right order', async () => {
    const doc = parseFragment(await render(cohen));
    const name = doc.querySelector('figcaption bdi');
    expect(name?.textContent).toBe('אלי כהן | Eli Cohen');
    expect(name?.getAttribute('dir')).toBe('ltr'); // the post is in English: Hebrew part first, on the left
    expect(readerText(doc.querySelector('figcaption a'))).toBe('אלי כהן | Eli Cohen @elicoh1');
    expect(doc.querySelector('figcaption a')?.getAttribute('href')).toBe('https://x.com/elicoh1');
  });

  it('turns @mentions and links in the text into links, and nothing else', async () => {
    const doc = parseFragment(await render(cohen));
    const links = [...doc.querySelectorAll('blockquote a')].map((a) => [
      a.textContent,
      a.getAttribute('href'),
    ]);
    expect(links).toEqual([
      ['@Bayramov_Jeyhun', 'https://x.com/Bayramov_Jeyhun'],
      ['pic.twitter.com/K9Mr8WqeCE', 'https://pic.twitter.com/K9Mr8WqeCE'],
    ]);
  });

  it('shows the date as a reader says it, with the machine date in <time>', async () => {
    const doc = parseFragment(await render(cohen));
    const time = doc.querySelector('time');
    expect(time?.getAttribute('datetime')).toBe('2023-03-29');
    expect(time?.textContent).toBe('March 29, 2023');
  });

  it('links “View on X” to the post itself when its URL is given', async () => {
    const doc = parseFragment(
      await render({ ...cohen, url: 'https://x.com/elicoh1/status/1640000000000000000' }),
    );
    const view = [...doc.querySelectorAll('a')].find((a) => a.textContent === 'View on X');
    expect(view?.getAttribute('href')).toBe('https://x.com/elicoh1/status/1640000000000000000');
    expect(doc.querySelector('blockquote')?.getAttribute('cite')).toBe(
      'https://x.com/elicoh1/status/1640000000000000000',
    );
  });

  it('loads nothing from another host: no iframe, script, image or style sheet', async () => {
    const doc = parseFragment(await render({ ...cohen, media: 'https://pic.twitter.com/K9Mr8WqeCE' }));
    expect(doc.querySelectorAll('iframe, script, img, link, video, object')).toHaveLength(0);
  });

  it('escapes hostile text instead of running it', async () => {
    const doc = parseFragment(
      await render({
        ...cohen,
        name: '<img src=x onerror=alert(1)>',
        text: '</blockquote><script>alert(1)</script>',
      }),
    );
    expect(doc.querySelectorAll('script, img')).toHaveLength(0);
    expect(readerText(doc.querySelector('blockquote'))).toBe('</blockquote><script>alert(1)</script>');
  });

  it('rejects a tweet without a handle, naming the file, the prop and an example', async () => {
    const { handle: _omitted, ...rest } = cohen;
    expect(await errorOf(render(rest))).toMatchInlineSnapshot(`
      {
        "hint": "Fix the <Tweet> in src/content/articles/example.mdx. See "Components (no import line needed)" in docs/writing.md for its props.",
        "message": "<Tweet> in src/content/articles/example.mdx: prop "handle" is required: the author’s handle on X, e.g. handle="elicoh1".",
        "name": "AstroUserError",
      }
    `);
  });

  it('rejects a malformed handle, an impossible date and a post URL by someone else', async () => {
    expect(await errorOf(render({ ...cohen, handle: 'eli cohen!' }))).toMatchInlineSnapshot(`
      {
        "hint": "Fix the <Tweet> in src/content/articles/example.mdx. See "Components (no import line needed)" in docs/writing.md for its props.",
        "message": "<Tweet> in src/content/articles/example.mdx: prop "handle" expected 1–15 letters, digits or underscores, e.g. handle="elicoh1", received "eli cohen!".",
        "name": "AstroUserError",
      }
    `);
    expect(await errorOf(render({ ...cohen, date: '2023-02-30' }))).toMatchInlineSnapshot(`
      {
        "hint": "Fix the <Tweet> in src/content/articles/example.mdx. See "Components (no import line needed)" in docs/writing.md for its props.",
        "message": "<Tweet> in src/content/articles/example.mdx: prop "date" "2023-02-30" is not a day of the calendar.",
        "name": "AstroUserError",
      }
    `);
    expect(await errorOf(render({ ...cohen, url: 'https://x.com/someoneelse/status/1' })))
      .toMatchInlineSnapshot(`
        {
          "hint": "Fix the <Tweet> in src/content/articles/example.mdx. See "Components (no import line needed)" in docs/writing.md for its props.",
          "message": "<Tweet> in src/content/articles/example.mdx: prop "url" is a post by @someoneelse (https://x.com/someoneelse/status/1), but handle is "elicoh1"; use the post’s own address.",
          "name": "AstroUserError",
        }
      `);
  });

  describe('a saved copy of the post’s photo (media with alt and credit)', () => {
    const saved = { ...cohen, media: postPhoto, alt: 'A podium between two flags' };

    it('is shown in the card with its alt text, credited to the post’s author unless credit names someone', async () => {
      const doc = parseFragment(await render(saved));
      const img = doc.querySelector('figure.tweet .saved-photo img');
      expect(img?.getAttribute('alt')).toBe('A podium between two flags');
      expect(readerText(doc.querySelector('.saved-photo .credit'))).toBe('Photo: @elicoh1 on X');
      const credited = parseFragment(await render({ ...saved, credit: '  Shlomi Amsalem/GPO ' }));
      expect(readerText(credited.querySelector('.saved-photo .credit'))).toBe('Photo: Shlomi Amsalem/GPO');
    });

    it('an https link to the photo on X is a plain link, with no picture and no credit', async () => {
      const doc = parseFragment(await render({ ...cohen, media: 'https://pic.twitter.com/K9Mr8WqeCE' }));
      expect(doc.querySelector('.media a')?.getAttribute('href')).toBe('https://pic.twitter.com/K9Mr8WqeCE');
      expect(doc.querySelectorAll('.saved-photo, img')).toHaveLength(0);
    });

    it('reads mediaAlt and mediaCredit, the earlier names of alt and credit, but not both names at once', async () => {
      const earlier = parseFragment(
        await render({
          ...cohen,
          media: postPhoto,
          mediaAlt: 'A podium between two flags',
          mediaCredit: 'GPO',
        }),
      );
      expect(earlier.querySelector('.saved-photo img')?.getAttribute('alt')).toBe(
        'A podium between two flags',
      );
      expect(earlier.querySelector('.saved-photo .credit')?.textContent).toMatch(/GPO/);
      expect(await errorOf(render({ ...saved, mediaAlt: 'A podium' }))).toMatchInlineSnapshot(`
        {
          "hint": "Fix the <Tweet> in src/content/articles/example.mdx. See "Components (no import line needed)" in docs/writing.md for its props.",
          "message": "<Tweet> in src/content/articles/example.mdx: prop "mediaAlt" is the earlier name of alt: give only alt.",
          "name": "AstroUserError",
        }
      `);
    });

    it('refuses a saved photo without alt, or with a file name or an empty one as alt', async () => {
      expect(await errorOf(render({ ...cohen, media: postPhoto }))).toMatchInlineSnapshot(`
        {
          "hint": "Fix the <Tweet> in src/content/articles/example.mdx. See "Components (no import line needed)" in docs/writing.md for its props.",
          "message": "<Tweet> in src/content/articles/example.mdx: prop "alt" is required with a saved photo: what it shows, e.g. alt="A podium between two flags".",
          "name": "AstroUserError",
        }
      `);
      expect(await errorOf(render({ ...saved, alt: 'IMG_2291.jpg' }))).toMatchInlineSnapshot(`
        {
          "hint": "Fix the <Tweet> in src/content/articles/example.mdx. See "Components (no import line needed)" in docs/writing.md for its props.",
          "message": "<Tweet> in src/content/articles/example.mdx: prop "alt" is a file name, not a description ("IMG_2291.jpg"): say what the picture shows, e.g. alt="Stalls under white awnings beside a wheat field at dusk".",
          "name": "AstroUserError",
        }
      `);
      expect(await errorOf(render({ ...saved, alt: '  ' }))).toMatchInlineSnapshot(`
        {
          "hint": "Fix the <Tweet> in src/content/articles/example.mdx. See "Components (no import line needed)" in docs/writing.md for its props.",
          "message": "<Tweet> in src/content/articles/example.mdx: prop "alt" is empty: say what the picture shows, e.g. alt="Stalls under white awnings beside a wheat field at dusk".",
          "name": "AstroUserError",
        }
      `);
    });

    it('refuses an empty credit, and alt or credit without a saved photo', async () => {
      expect(await errorOf(render({ ...saved, credit: ' ' }))).toMatchInlineSnapshot(`
        {
          "hint": "Fix the <Tweet> in src/content/articles/example.mdx. See "Components (no import line needed)" in docs/writing.md for its props.",
          "message": "<Tweet> in src/content/articles/example.mdx: prop "credit" must not be empty: who took the photo or made the graphic, e.g. credit="Miriam Levi/JNS" (received " ").",
          "name": "AstroUserError",
        }
      `);
      expect(await errorOf(render({ ...cohen, alt: 'A podium between two flags' }))).toMatchInlineSnapshot(`
        {
          "hint": "Fix the <Tweet> in src/content/articles/example.mdx. See "Components (no import line needed)" in docs/writing.md for its props.",
          "message": "<Tweet> in src/content/articles/example.mdx: prop "alt" goes only with a saved photo in media, e.g. media="./harvest/post-photo.jpg".",
          "name": "AstroUserError",
        }
      `);
      expect(
        await errorOf(
          render({
            ...cohen,
            media: 'https://pic.twitter.com/K9Mr8WqeCE',
            credit: 'Shlomi Amsalem/GPO',
          }),
        ),
      ).toMatchInlineSnapshot(`
        {
          "hint": "Fix the <Tweet> in src/content/articles/example.mdx. See "Components (no import line needed)" in docs/writing.md for its props.",
          "message": "<Tweet> in src/content/articles/example.mdx: prop "credit" goes only with a saved photo in media, e.g. media="./harvest/post-photo.jpg".",
          "name": "AstroUserError",
        }
      `);
    });

    it('refuses media that is neither a saved photo nor an https link: http, an absolute path, a number', async () => {
      expect(await errorOf(render({ ...cohen, media: 'http://pic.twitter.com/K9Mr8WqeCE' })))
        .toMatchInlineSnapshot(`
        {
          "hint": "Fix the <Tweet> in src/content/articles/example.mdx. See "Components (no import line needed)" in docs/writing.md for its props.",
          "message": "<Tweet> in src/content/articles/example.mdx: prop "media" must be a saved copy of the photo next to the article, e.g. media="./harvest/post-photo.jpg", or an https:// link to it (received "http://pic.twitter.com/K9Mr8WqeCE").",
          "name": "AstroUserError",
        }
      `);
      expect(await errorOf(render({ ...cohen, media: '/photos/post.jpg', alt: 'A podium' })))
        .toMatchInlineSnapshot(`
        {
          "hint": "Fix the <Tweet> in src/content/articles/example.mdx. See "Components (no import line needed)" in docs/writing.md for its props.",
          "message": "<Tweet> in src/content/articles/example.mdx: prop "media" must be a saved copy of the photo next to the article, e.g. media="./harvest/post-photo.jpg", or an https:// link to it (received "/photos/post.jpg"); prop "alt" goes only with a saved photo in media, e.g. media="./harvest/post-photo.jpg".",
          "name": "AstroUserError",
        }
      `);
      expect(await errorOf(render({ ...cohen, media: 42 }))).toMatchInlineSnapshot(`
        {
          "hint": "Fix the <Tweet> in src/content/articles/example.mdx. See "Components (no import line needed)" in docs/writing.md for its props.",
          "message": "<Tweet> in src/content/articles/example.mdx: prop "media" must be a saved copy of the photo next to the article, e.g. media="./harvest/post-photo.jpg", or an https:// link to it (received 42).",
          "name": "AstroUserError",
        }
      `);
    });
  });
});
