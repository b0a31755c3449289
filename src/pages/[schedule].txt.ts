import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { NEXT_DUE_PAGE, nextDue } from '../lib/articles/schedule';
import { buildTime } from '../lib/site/clock';

/**
 * Not a page of the site: the build's note to scripts/build.mjs of when the next build is due
 * (src/lib/articles/schedule.ts), as an ISO instant, or empty when nothing is held back. It is
 * made here because only a build reads the articles as Astro does (a live page's updates come
 * from the entry Astro makes). Made only when build.mjs asks (`NEWS_NEXT_DUE=1`), which moves it
 * out of the build before the build becomes dist/: the time of the next embargoed story must
 * never be served. A plain `astro build` or `astro dev` has no such path, hence a dynamic route.
 */
export const getStaticPaths = (() =>
  process.env.NEWS_NEXT_DUE === '1'
    ? [{ params: { schedule: NEXT_DUE_PAGE } }]
    : []) satisfies GetStaticPaths;

export const GET: APIRoute = async () => {
  const due = nextDue(await getCollection('articles'), buildTime);
  return new Response(due ? `${due.toISOString()}\n` : '', {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
