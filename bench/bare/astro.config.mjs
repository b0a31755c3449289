// @ts-check
// The bare-Astro baseline for bench/run.mjs: the same articles through Astro and MDX alone, with
// no layout, no CSS, no listings, feeds, cards or sitemaps. Its photographs are encoded with the
// site's settings (src/lib/photos/encoder.ts), so what the full site costs on top of this is what
// the site itself adds.
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { IMAGE_SERVICE } from './src/lib/photos/encoder.ts';

export default defineConfig({
  site: 'https://bench.example/',
  integrations: [mdx()],
  image: { service: IMAGE_SERVICE },
});
