import { defineMiddleware } from 'astro:middleware';
import { buildsFront, SLICE_ROUTES } from './lib/parts/current';

/**
 * A year slice's build (src/lib/parts/) renders only the routes a slice holds. The front's routes
 * that take no paths (the home page, the site's feeds, robots.txt, the 404 page, …) still run in
 * every build; in a slice each answers with an empty body instead of rendering, and
 * scripts/build.mjs removes what they leave. Every other build passes straight through.
 */
export const onRequest = defineMiddleware((context, next) => {
  if (buildsFront || SLICE_ROUTES.has(context.routePattern)) return next();
  return new Response('', { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
});
