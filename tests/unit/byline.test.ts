import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Byline from '../../src/components/article/Byline.astro';
import type { Author } from '../../src/lib/people/authors';
import { paths } from '../../src/lib/site/urls';
import { parseFragment, readerText } from '../helpers/html';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

/** A person as the authors collection gives one (only what the byline reads matters). */
const person = (id: string, name: string): Author =>
  ({
    id,
    collection: 'authors',
    data: { name, role: 'Correspondent', links: [] },
  }) as unknown as Author;

const render = async (byline: string, authors: Author[]) =>
  parseFragment(await container.renderToString(Byline, { props: { byline, authors } }));

describe('<Byline>', () => {
  it('links each person to their page, joined as the site writes a list, the organisation last', async () => {
    const doc = await render('JNS', [
      person('dana-cohen', 'Dana Cohen'),
      person('yusuf-aliyev', 'Yusuf Aliyev'),
    ]);
    expect(readerText(doc.querySelector('.byline'))).toBe('By Dana Cohen and Yusuf Aliyev, JNS');
    const people = [...doc.querySelectorAll('a[rel="author"]')].map((a) => [
      readerText(a),
      a.getAttribute('href'),
    ]);
    expect(people).toEqual([
      ['Dana Cohen', paths.author('dana-cohen')],
      ['Yusuf Aliyev', paths.author('yusuf-aliyev')],
    ]);
  });

  it('isolates each name’s direction, so a Hebrew name beside a Latin one keeps its place', async () => {
    const doc = await render('JNS', [person('יוסף-כהן', 'יוסף כהן'), person('dana-cohen', 'Dana Cohen')]);
    expect([...doc.querySelectorAll('a[rel="author"] > bdi')].map((bdi) => readerText(bdi))).toEqual([
      'יוסף כהן',
      'Dana Cohen',
    ]);
  });

  it('links two people who share a name each to their own page', async () => {
    const doc = await render('JNS', [
      person('david-levi', 'David Levi'),
      person('david-levi-2', 'David Levi'),
    ]);
    const hrefs = [...doc.querySelectorAll('a[rel="author"]')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([paths.author('david-levi'), paths.author('david-levi-2')]);
  });
});
