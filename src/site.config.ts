import { z } from 'astro/zod';
import { languageTag } from './schemas/language.ts';

/**
 * The one place that says what this site is. Everything that needs the site's name, address,
 * language or time zone reads it from here, so that pages, feed and tests cannot disagree.
 */
export const SiteConfigSchema = z.object({
  /** The publication's name, shown in the header, the feed and `<title>`. Example: "JNS Wire". */
  title: z.string().min(1),
  /** One sentence on what the site is, for the footer, the feed's channel and the home page. */
  description: z.string().min(1),
  /**
   * The absolute origin the site is served from, without a path: feed links and canonical URLs
   * are built from it. Override at build time with the `SITE_URL` environment variable.
   * Example: "https://news.example.com".
   */
  url: z.url({ protocol: /^https?$/ }),
  /** BCP 47 language of the site's chrome and default article language. Example: "en". */
  lang: languageTag('"en"'),
  /** Locale used to write dates for readers. Example: "en-US" gives "March 29, 2023". */
  locale: z.string().min(2),
  /**
   * IANA time zone in which dates are shown and in which a date written without a time is
   * read. Example: "Asia/Jerusalem".
   */
  timeZone: z.string().refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as "Asia/Jerusalem"'),
  /** The organisation that publishes the site (feed `managingEditor`-free copyright line). */
  publisher: z.string().min(1),
  /**
   * The day the site began publishing ("YYYY-MM-DD", read in `timeZone`). A feed with nothing in
   * it (a section or person with no articles yet) gives it as its last change: Atom requires a
   * date, and one that never moves keeps the empty feed the same from build to build (the build's
   * time would change its bytes, and its cache key, every time). Example: "2023-03-29".
   */
  launched: z.iso.date({ error: 'must be a day written "YYYY-MM-DD", e.g. "2023-03-29"' }),
  /** How many of the newest articles the feed carries; older ones stay on the site. */
  feedItemLimit: z.number().int().min(1).max(100),
});

export type SiteConfig = z.infer<typeof SiteConfigSchema>;

export const siteConfig: SiteConfig = SiteConfigSchema.parse({
  title: 'JNS Wire',
  description: 'Reports from the Jewish News Syndicate, published as fast, private, accessible static pages.',
  url: 'https://news.example.com',
  lang: 'en',
  locale: 'en-US',
  timeZone: 'Asia/Jerusalem',
  publisher: 'JNS Wire',
  launched: '2023-03-29',
  feedItemLimit: 20,
});
