// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import { defineConfig, fontProviders } from 'astro/config';
import { CSS_CONSTANTS, cssConstantsPlugin } from './src/lib/site/css-constants.ts';
import { FONT_FAMILIES, webFontVariants } from './src/lib/site/fonts.ts';
import { IMAGE_SERVICE } from './src/lib/photos/encoder.ts';
import { headingIdsPlugin } from './src/lib/articles/heading-ids.ts';
import { localImagesPlugin } from './src/lib/photos/local-images-plugin.ts';
import { wordCountPlugin } from './src/lib/articles/word-count.ts';
import { siteConfig } from './src/site.config.ts';

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  // Where the site is served. SITE_URL and BASE_PATH let a deploy (or a test) change them
  // without editing code; the defaults come from the one site config.
  site: process.env.SITE_URL ?? siteConfig.url,
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  // Astro's caches (content store, incremental build, images). A part of the site built on its own
  // (scripts/build-part.mjs) keeps its own, as it would on a machine of its own; scripts/linked-output.mjs
  // reads the same variable.
  cacheDir: process.env.NEWS_ASTRO_CACHE_DIR || './node_modules/.astro',
  // The example archive (NEWS_FIXTURES=1, tests only) builds into its own folder.
  outDir: process.env.NEWS_FIXTURES === '1' ? './dist-fixtures' : './dist',
  // Two articles with the same slug (or two routes with the same URL) fail the build instead of
  // one silently replacing the other.
  prerenderConflictBehavior: 'error',
  build: {
    format: 'directory',
    // Pages render four at a time: while one waits on the disk (each page is written twice, to the
    // output and to the incremental cache) or on its social card being drawn, another renders.
    // Measured on 1,002 articles, cold pages, warm caches: 20.9 s against 23.9 s one at a time
    // (medians of 3); eight at a time was no faster than four.
    concurrency: 4,
  },
  experimental: {
    // A page whose getStaticPaths() entry has a cacheKey (every article, listing, card and scoped
    // feed: src/lib/build-cache/cache-keys.ts) and whose code is unchanged is copied from the previous build
    // instead of rendered again. The cache lives in node_modules/.astro/; `astro build --force`
    // (or `npm run build -- --force`) ignores it.
    incrementalBuild: true,
  },
  integrations: [
    mdx(),
    // The sitemaps are written after Astro, by part of the site (scripts/sitemaps.mjs); the Google
    // News sitemap is a route of its own (src/pages/sitemaps/[name].xml.ts).
  ],
  // Photographs through astro:assets and the sharp that Astro ships, with the encoder settings of
  // src/lib/photos/encoder.ts (AVIF effort 2, mozjpeg, the 8,000 px limit).
  image: { service: IMAGE_SERVICE },
  markdown: {
    // News copy has no code blocks; Shiki's inline styles would also need 'unsafe-inline' in the CSP.
    syntaxHighlight: false,
    // Astro's own Markdown/MDX processor, plus each article's word count (reading time, JSON-LD
    // wordCount) taken from its syntax tree while it compiles, and the images next to an article
    // that its components name by relative path (<Figure src="./x.png">), imported like ![](./x.png).
    // Headings get their ids as Astro gives them, but never one the article page uses for its own
    // parts (#main, #corrections, #notice-1): src/lib/articles/heading-ids.ts.
    processor: satteri({
      mdastPlugins: [wordCountPlugin, localImagesPlugin],
      hastPlugins: [headingIdsPlugin],
    }),
  },
  // Fonts are files from npm packages, cut to the characters news text needs (src/fonts/) and
  // served from our own origin: no font CDN, the same glyphs on every machine. `display: optional`
  // means a late font is never swapped in, so text never moves after first paint (CLS 0).
  // Preloading them (BaseLayout) is what lets a first view use them at all: Chromium holds the
  // first frame up to 100 ms for preloaded optional fonts and draws a page whose fonts are not
  // there by its first frame in the fallbacks; on a slow link (slow 4G) that is the first view.
  // The families, their files and weights are declared once in src/lib/site/fonts.ts (the social
  // card draws with Fontsource's whole files of the same families).
  fonts: FONT_FAMILIES.map((family) => ({
    provider: fontProviders.local(),
    name: family.name,
    cssVariable: family.cssVariable,
    fallbacks: [...family.fallbacks],
    display: 'optional',
    options: { variants: webFontVariants(family) },
  })),
  vite: {
    // Values the CSS shares with TypeScript (a portrait's greatest height, which `sizes` repeats)
    // are set once in src/lib/site/css-constants.ts and written into the stylesheets here.
    css: { postcss: { plugins: [cssConstantsPlugin(CSS_CONSTANTS)] } },
    build: {
      // The live page's "new updates" script (src/components/live/NewUpdates.astro) stays a file
      // of its own, /_astro/….js, which the CSP's 'self' allows. Inlined, as Astro inlines small
      // scripts, its hash would join the CSP of every page of the site, live or not. Everything
      // else keeps Vite's default (undefined: under 4 KB inlined).
      assetsInlineLimit: (file) => (file.includes('NewUpdates') ? false : undefined),
      // Astro empties outDir before a build unless told not to. scripts/build.mjs always builds
      // into a folder of its own, which is either empty or starts with hard links to the last
      // good build's unchanged pages (scripts/linked-output.mjs): emptying it would throw those away.
      emptyOutDir: false,
      rolldownOptions: {
        // Rolldown warns once per MDX article that Astro's "use astro:head-inject" directive "may
        // not be preserved when bundling" (withastro/astro#18087, open): 4,000 identical warnings
        // at 4,000 articles would bury every other message. Only that warning is dropped.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject'))
            return;
          warn(warning);
        },
      },
    },
  },
  security: {
    // A per-page <meta> Content-Security-Policy with hashes of Astro's own inline styles and
    // scripts: no 'unsafe-inline', no 'unsafe-eval'.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "base-uri 'self'",
        "form-action 'self'",
        "object-src 'none'",
      ],
    },
  },
});
