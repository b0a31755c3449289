// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig, fontProviders } from 'astro/config';
import { siteConfig } from './src/site.config.ts';

const LATIN =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const HEBREW = 'U+0307-0308,U+0590-05FF,U+200C-2010,U+20AA,U+25CC,U+FB1D-FB4F';
/** @param {string} family @param {string} file a file name in the package's files/ folder */
const fontsource = (family, file) => `./node_modules/@fontsource/${family}/files/${file}.woff2`;

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  // Where the site is served. SITE_URL and BASE_PATH let a deploy (or a test) change them
  // without editing code; the defaults come from the one site config.
  site: process.env.SITE_URL ?? siteConfig.url,
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  // The example archive (NEWS_FIXTURES=1, tests only) builds into its own folder.
  outDir: process.env.NEWS_FIXTURES === '1' ? './dist-fixtures' : './dist',
  // Two articles with the same slug (or two routes with the same URL) fail the build instead of
  // one silently replacing the other.
  prerenderConflictBehavior: 'error',
  build: { format: 'directory' },
  experimental: {
    // A page whose getStaticPaths() entry has a cacheKey (every article, listing, card and scoped
    // feed: src/lib/cache-key.ts) and whose code is unchanged is copied from the previous build
    // instead of rendered again. The cache lives in node_modules/.astro/; `astro build --force`
    // (or `npm run build -- --force`) ignores it.
    incrementalBuild: true,
  },
  integrations: [
    mdx(),
    // sitemap-index.xml for every page but the 404 page; the Google News sitemap is its own
    // route (src/pages/sitemaps/[name].xml.ts).
    sitemap({ filter: (page) => !/\/404\/?$/.test(page) }),
  ],
  // News copy has no code blocks; Shiki's inline styles would also need 'unsafe-inline' in the CSP.
  markdown: { syntaxHighlight: false },
  // Fonts are files from npm packages, served from our own origin: no font CDN, the same glyphs
  // on every machine. `display: optional` with preloading means a late font is never swapped in,
  // so text never moves after first paint (CLS 0); on any connection that gets the preload in
  // time, which is nearly all, readers see the real fonts.
  fonts: [
    {
      provider: fontProviders.local(),
      name: 'Source Serif 4',
      cssVariable: '--font-serif',
      fallbacks: ['serif'],
      display: 'optional',
      options: {
        variants: [
          {
            weight: 400,
            style: 'normal',
            unicodeRange: [LATIN],
            src: [fontsource('source-serif-4', 'source-serif-4-latin-400-normal')],
          },
          {
            weight: 700,
            style: 'normal',
            unicodeRange: [LATIN],
            src: [fontsource('source-serif-4', 'source-serif-4-latin-700-normal')],
          },
        ],
      },
    },
    {
      provider: fontProviders.local(),
      name: 'Source Sans 3',
      cssVariable: '--font-sans',
      fallbacks: ['sans-serif'],
      display: 'optional',
      options: {
        variants: [
          {
            weight: 400,
            style: 'normal',
            unicodeRange: [LATIN],
            src: [fontsource('source-sans-3', 'source-sans-3-latin-400-normal')],
          },
        ],
      },
    },
    {
      provider: fontProviders.local(),
      name: 'Noto Serif Hebrew',
      cssVariable: '--font-hebrew',
      // No fallbacks: this face only covers Hebrew (unicode-range), and is listed *before* the
      // serif stack where Hebrew may appear, so Latin letters fall through to Source Serif 4.
      fallbacks: [],
      display: 'optional',
      options: {
        variants: [
          {
            weight: 700,
            style: 'normal',
            unicodeRange: [HEBREW],
            src: [fontsource('noto-serif-hebrew', 'noto-serif-hebrew-hebrew-700-normal')],
          },
        ],
      },
    },
  ],
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
