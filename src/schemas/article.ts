import { z } from 'astro/zod';
import type { SchemaContext } from 'astro:content';
import { isBefore, type NewsDate } from '../lib/site/dates';
import { SECTIONS } from '../lib/listings/sections';
import { slugify } from '../lib/site/slug';
import { siteConfig } from '../site.config';
import { correctionSchema } from './correction';
import { coverageSchema, parseInstant } from './coverage';
import { knownFields } from './known-fields';
import { leadImageSchema } from './image';
import { languageTag } from './language';
import { newsDate } from './news-date';
import { UPDATE_TIME_EXAMPLE } from './update';

const required = (what: string, example: string) => ({
  error: (issue: { input?: unknown }) =>
    issue.input === undefined
      ? `is required: ${what}, e.g. ${example}`
      : `expected ${what}, e.g. ${example}, received ${JSON.stringify(issue.input)}`,
});

/**
 * The frontmatter fields, each documented where it is declared, in the order the error for an
 * unknown field lists them. All but the lead image are made once: Astro asks for the schema of
 * every article it reads (the image's `image()` is bound to the article's folder), and making
 * the other fields again each time cost a quarter of a millisecond an article.
 */
const fieldsBeforeImage = {
  /** The headline: plain text, the page's only `<h1>`. Example: "Azerbaijan opens embassy in Israel". */
  headline: z
    .string(required('the headline as plain text', '"Azerbaijan opens embassy in Israel"'))
    .trim()
    .min(1, 'must not be empty')
    .max(150, 'is longer than 150 characters; shorten it'),
  /** The dek (standfirst): one or two sentences under the headline; also the feed's description. */
  dek: z
    .string(required('one or two sentences under the headline', '"The two nations’ foreign ministers met…"'))
    .trim()
    .min(1, 'must not be empty')
    .max(320, 'is longer than 320 characters; shorten it'),
  /** Who the article is by, as printed after "By". Example: "JNS". */
  byline: z.string(required('who the article is by', '"JNS"')).trim().min(1, 'must not be empty'),
  /** When it was first published: a quoted day "2023-03-29" (site time zone) or an instant with offset. */
  published: newsDate(siteConfig.timeZone),
  /** When it was last changed in substance, if ever; same forms as `published`, and not before it. */
  updated: newsDate(siteConfig.timeZone).optional(),
  /** The section it is filed under: one of the slugs in `src/lib/listings/sections.ts`. Example: "world". */
  section: z.enum(SECTIONS, {
    error: (issue) =>
      `expected one of ${SECTIONS.map((s) => `"${s}"`).join(', ')}, received ${JSON.stringify(issue.input)}`,
  }),
  /** Topics, at least one, each a short phrase. Example: ["Azerbaijan", "Israel"]. */
  tags: z
    .array(
      z.string().trim().min(1, 'a tag must not be empty'),
      required('a list of topics', '["Azerbaijan", "Israel"]'),
    )
    .min(1, 'needs at least one tag, e.g. ["Israel"]')
    .refine(
      (tags) => new Set(tags.map((t) => t.toLowerCase())).size === tags.length,
      'has the same tag twice',
    ),
  /** BCP 47 language of the article text; the site's language when left out. Example: "en". */
  lang: languageTag('lang: he').default(siteConfig.lang),
  /** For a syndicated copy: the https URL of the original, used as the page's canonical URL. */
  canonical: z
    .url({ protocol: /^https$/, error: 'must be an https:// URL of the original article' })
    .optional(),
  /** A draft is never published: no page, no feed item. */
  draft: z.boolean({ error: 'must be true or false' }).default(false),
};

/** The end of the message for a slug written otherwise than `slugify` writes it: the slug to write instead. */
const suggestion = (input: unknown) => {
  const slug = typeof input === 'string' ? slugify(input) : '';
  return slug ? `; received ${JSON.stringify(input)}, write ${slug}` : '';
};

const fieldsAfterImage = {
  /**
   * The people who wrote it, by the slugs of their files in `src/content/authors/`, in byline
   * order. Example: [dana-cohen, yusuf-aliyev]. Checked against the authors when the site builds.
   */
  authors: z
    .array(
      z
        .string({ error: 'must be an author’s slug, e.g. dana-cohen' })
        .min(1, 'must be an author’s slug (the file name in src/content/authors/), e.g. dana-cohen')
        // Exactly what an author file's name becomes (`slugify`, as `content.config.ts` makes
        // the id): letters of any script, so a Hebrew or Chinese name (no case) is a slug too.
        .refine((slug) => slug === slugify(slug), {
          error: (issue) =>
            `must be an author’s slug as the site writes a file name (src/content/authors/<slug>.md): lower case, words joined by one hyphen, e.g. dana-cohen${suggestion(issue.input)}`,
        }),
      { error: 'must be a list of authors’ slugs, e.g. authors: [dana-cohen, yusuf-aliyev]' },
    )
    .min(1, 'must name at least one author, or be left out')
    .refine((slugs) => new Set(slugs).size === slugs.length, 'names the same author twice')
    .optional(),
  /**
   * Corrections and clarifications, each with its date, kind and text (see `correctionSchema`),
   * oldest first: a new one goes at the end, since each is numbered by its place (`#notice-2`).
   */
  corrections: z
    .array(correctionSchema, {
      error: "must be a list, e.g. corrections:\n  - date: '2024-06-12'\n    kind: correction\n    text: …",
    })
    .optional(),
  /**
   * Makes the article a live page: a developing story told as timed `<Update>`s in its body,
   * newest first. `status: live` while it runs; `status: ended` with `ended` (an instant with
   * offset) once it is over. See `coverageSchema`.
   */
  coverage: coverageSchema.optional(),
};

/**
 * The `<Update>`s of a live page, newest first, as the articles' loader reads them from the body
 * (src/lib/live/extract.ts) and puts them here: not a field an author writes (the loader refuses
 * one written in the frontmatter), so not named in the list of fields. Absent without updates:
 * an entry Astro's data store kept from a build before this field existed has none either.
 */
const updatesField = z
  .array(
    z.object({
      time: z.unknown().transform((value, ctx): NewsDate => {
        const parsed = parseInstant(value, UPDATE_TIME_EXAMPLE);
        if (typeof parsed === 'string') {
          ctx.addIssue({ code: 'custom', message: parsed });
          return z.NEVER;
        }
        return parsed;
      }),
      title: z.string(),
      keyEvent: z.boolean(),
      anchor: z.string(),
      line: z.number(),
      text: z.string(),
    }),
  )
  .optional();

const fieldsWith = (image: SchemaContext['image']) => ({
  ...fieldsBeforeImage,
  /** The lead photograph, credited: src, alt, caption, credit, position (see `leadImageSchema`). */
  image: leadImageSchema(image).optional(),
  ...fieldsAfterImage,
});

/**
 * The frontmatter of an article in `src/content/articles/`. Every field is checked when the site
 * builds; a wrong one fails the build with the file and the field named. A function of Astro's
 * schema context, for the lead image's `image()` (a path resolved next to the article).
 */
export function articleSchema({ image }: Pick<SchemaContext, 'image'>) {
  const fields = fieldsWith(image);
  const known = `the fields are ${Object.keys(fields).join(', ')}`;
  return knownFields({ ...fields, updates: updatesField }, known).superRefine((data, ctx) => {
    if (data.updated && isBefore(data.updated, data.published, siteConfig.timeZone)) {
      ctx.addIssue({
        code: 'custom',
        path: ['updated'],
        message: `is before "published" (${data.published.iso}); an update cannot precede publication`,
      });
    }
    const ended = data.coverage?.ended;
    if (ended && ended.date < data.published.date) {
      ctx.addIssue({
        code: 'custom',
        path: ['coverage', 'ended'],
        message: `is before "published" (${data.published.iso}); coverage cannot end before the page is published`,
      });
    }
    data.corrections?.forEach((correction, i) => {
      if (isBefore(correction.date, data.published, siteConfig.timeZone)) {
        ctx.addIssue({
          code: 'custom',
          path: ['corrections', i, 'date'],
          message: `is before "published" (${data.published.iso}); a ${correction.kind} cannot precede publication`,
        });
      }
      // A notice's number (its anchor, #notice-N, and its id in the corrections feed) is its
      // place in this list, so the list only grows at the end; dates in order keep it readable.
      const above = data.corrections?.[i - 1];
      if (above && isBefore(correction.date, above.date, siteConfig.timeZone)) {
        ctx.addIssue({
          code: 'custom',
          path: ['corrections', i, 'date'],
          message: `is before the notice above it (corrections[${i - 1}], ${above.date.iso}); each notice keeps its number (#notice-${i + 1}) and its link, so add new notices at the end, oldest first`,
        });
      }
    });
  });
}

/** Article frontmatter after parsing (dates are `NewsDate`s, defaults filled in, the image resolved). */
export type ArticleData = z.output<ReturnType<typeof articleSchema>>;
