import { z } from 'astro/zod';
import { knownFields } from './known-fields';

const required = (what: string, example: string) => ({
  error: (issue: { input?: unknown }) =>
    issue.input === undefined
      ? `is required: ${what}, e.g. ${example}`
      : `expected ${what}, e.g. ${example}, received ${JSON.stringify(issue.input)}`,
});

/** The fields of an author's file, each documented where it is declared. */
const fields = {
  /** The name as bylines print it. Example: "Dana Cohen". */
  name: z
    .string(required('the name as bylines print it', 'name: Dana Cohen'))
    .trim()
    .min(1, 'must not be empty'),
  /** What they do at the publication. Example: "Environment correspondent". */
  role: z
    .string(required('what they do', 'role: Environment correspondent'))
    .trim()
    .min(1, 'must not be empty'),
  /** Their own pages elsewhere (a site, a profile), https only; each links with `rel="me"`. */
  links: z
    .array(
      z.url({
        protocol: /^https$/,
        error: (issue) =>
          `must be an https:// link, e.g. https://example.org/dana, received ${JSON.stringify(issue.input)}`,
      }),
      { error: 'must be a list of https:// links, e.g. links: [https://example.org/dana]' },
    )
    .default([]),
};

/**
 * The frontmatter of a person's file, `src/content/authors/<slug>.md`; the body is a short bio in
 * Markdown, and the file name is the slug articles name them by (`authors: [dana-cohen]`).
 *
 * ---
 * name: Dana Cohen
 * role: Environment correspondent
 * links: [https://example.org/dana]
 * ---
 *
 * Dana Cohen covers water, energy and the environment from Haifa.
 */
export const authorSchema = knownFields(fields, `an author has ${Object.keys(fields).join(', ')}`);

/** An author's frontmatter after parsing. */
export type AuthorData = z.output<typeof authorSchema>;
