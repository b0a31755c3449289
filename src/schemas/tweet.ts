import type { ImageMetadata } from 'astro';
import { z } from 'astro/zod';
import { siteConfig } from '../site.config';
import { altText, credit, localImage } from './image';
import { languageTag } from './language';
import { newsDate } from './news-date';

const HANDLE = /^[A-Za-z0-9_]{1,15}$/;

const text = (what: string, example: string) =>
  z
    .string({
      error: (i) =>
        i.input === undefined
          ? `is required: ${what}, e.g. ${example}`
          : `must be text: ${what}, e.g. ${example}`,
    })
    .trim()
    .min(1, `must not be empty: ${what}, e.g. ${example}`);

const MEDIA_ERROR =
  'must be a saved copy of the photo next to the article, e.g. media="./harvest/post-photo.jpg", or an https:// link to it';

/**
 * Props of `<Tweet>`: a post on X quoted as a static card. Nothing is fetched from X; everything
 * the card shows is written here, so the page makes no request to another host.
 */
export const TweetSchema = z
  .object({
    /** The author's display name as shown on X; may mix scripts. Example: "אלי כהן | Eli Cohen". */
    name: text('the author’s display name', 'name="Eli Cohen"'),
    /** The author's handle, with or without "@": 1–15 letters, digits or underscores. Example: "elicoh1". */
    handle: z
      .string({
        error: (i) =>
          i.input === undefined
            ? 'is required: the author’s handle on X, e.g. handle="elicoh1"'
            : 'must be text, e.g. handle="elicoh1"',
      })
      .trim()
      .transform((h) => h.replace(/^@/, ''))
      .refine((h) => HANDLE.test(h), {
        error: (i) =>
          `expected 1–15 letters, digits or underscores, e.g. handle="elicoh1", received ${JSON.stringify(i.input)}`,
      }),
    /**
     * When it was posted: a day "2023-03-29" (read in the site's time zone) or an instant with
     * offset "2023-03-29T10:05:00+03:00". Parsed into the same `NewsDate` an article's dates are.
     */
    date: newsDate(siteConfig.timeZone, 'when it was posted, e.g. date="2023-03-29"'),
    /** The post's words, line breaks kept. @mentions, #hashtags and links in it become links. */
    text: text('the words of the post', 'text={`History!`}'),
    /** BCP 47 language of the post's text. Example: "en". */
    lang: languageTag('lang="en"'),
    /** The post's own address, only if known: https://x.com/<handle>/status/<id>. Never guessed. */
    url: z
      .url({
        protocol: /^https$/,
        hostname: /^(x|twitter)\.com$/,
        error: 'must be the post’s address, e.g. https://x.com/elicoh1/status/1234567890',
      })
      .refine(
        // URL.parse: zod runs this check on a value the URL check above already refused, too.
        (u) => /^\/[A-Za-z0-9_]{1,15}\/status\/\d+\/?$/.test(URL.parse(u)?.pathname ?? ''),
        'must be the post’s address, e.g. https://x.com/elicoh1/status/1234567890',
      )
      .optional(),
    /**
     * The post's photo or video: a saved copy of the photo next to the article, shown in the card
     * ("./harvest/post.jpg", with `mediaAlt`), or an https link to it on X, shown as a plain link.
     * Either way nothing is loaded from X.
     */
    media: z
      .union(
        [
          // A string that is not an https URL is also what an author writes for a saved copy
          // that is not next to the article: the same message, not zod's bare "Invalid URL".
          z.url({ protocol: /^https$/, error: MEDIA_ERROR }),
          localImage('media', './folder/post-photo.jpg'),
        ],
        { error: MEDIA_ERROR },
      )
      .optional(),
    /** What the saved photo shows, for readers who cannot see it; required with a saved photo. */
    alt: altText('prop').optional(),
    /** Who took the saved photo, if known. */
    credit: credit('prop').optional(),
    /** The earlier name of `alt`, still read. */
    mediaAlt: altText('prop', 'mediaAlt').optional(),
    /** The earlier name of `credit`, still read. */
    mediaCredit: credit('prop', 'mediaCredit').optional(),
  })
  .strict()
  .superRefine((tweet, ctx) => {
    const saved = typeof tweet.media === 'object';
    for (const [prop, earlier] of [
      ['alt', 'mediaAlt'],
      ['credit', 'mediaCredit'],
    ] as const) {
      if (tweet[prop] !== undefined && tweet[earlier] !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [earlier],
          message: `is the earlier name of ${prop}: give only ${prop}`,
        });
      }
    }
    if (saved && tweet.alt === undefined && tweet.mediaAlt === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['alt'],
        message: 'is required with a saved photo: what it shows, e.g. alt="A podium between two flags"',
      });
    }
    for (const prop of ['alt', 'credit', 'mediaAlt', 'mediaCredit'] as const) {
      if (!saved && tweet[prop] !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [prop],
          message: `goes only with a saved photo in media, e.g. media="./harvest/post-photo.jpg"`,
        });
      }
    }
    const url = tweet.url === undefined ? undefined : URL.parse(tweet.url);
    if (!url) return; // none, or not a URL: the url check says so
    const author = url.pathname.split('/')[1]?.toLowerCase();
    if (author !== tweet.handle.toLowerCase()) {
      ctx.addIssue({
        code: 'custom',
        path: ['url'],
        message: `is a post by @${author} (${tweet.url}), but handle is "${tweet.handle}"; use the post’s own address`,
      });
    }
  });

/** What an author may write on `<Tweet>` in MDX (a saved photo's path becomes its metadata when the MDX compiles). */
export type TweetProps = Omit<z.input<typeof TweetSchema>, 'media'> & { media?: string | ImageMetadata };
/** `<Tweet>` props after checking (handle without "@"). */
export type Tweet = z.output<typeof TweetSchema>;
