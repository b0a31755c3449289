import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { z } from 'astro/zod';
import { fieldPosition } from '../../src/lib/authoring/field-locator';
import { articleSchema } from '../../src/schemas/article';

/**
 * The article schema as unit tests parse it. In a build, Astro's `image()` takes the path
 * written in the frontmatter and the page receives the image's metadata; here an image is given
 * as that metadata directly (`{ src, width, height, format }`), which is what the fields hold.
 */
export const testArticleSchema = articleSchema({
  image: () =>
    z.object({
      src: z.string(),
      width: z.number(),
      height: z.number(),
      format: z.union([
        z.literal('png'),
        z.literal('jpg'),
        z.literal('jpeg'),
        z.literal('tiff'),
        z.literal('webp'),
        z.literal('gif'),
        z.literal('svg'),
        z.literal('avif'),
        z.literal('apng'),
      ]),
    }),
});

/** A schema error as the build prints it for an entry whose frontmatter does not match. */
export interface PrintedSchemaError {
  /** The first field's line and column: the error's Location (none when no field is in the source). */
  at?: string;
  /** One line a field, `corrections.1.date (line 12): message`, as the build prints each issue. */
  issues: string[];
}

/**
 * What the build prints when an entry's frontmatter does not match its collection's schema:
 * Astro names each field (`corrections.1.date: message`) and the loader adds the field's line
 * from the source (src/lib/articles/loader.ts, with `fieldPosition`). So a unit test pins the
 * lines a broken article's build would print, without a build.
 * @param contents the entry's source, frontmatter included
 * @param schema the collection's schema, e.g. {@link testArticleSchema} or `authorSchema`
 * @param data the frontmatter as the schema receives it (default: the source's, as YAML reads it);
 *   a build hands a lead image to the schema as its metadata, which a test supplies here
 */
export function schemaErrorOf(
  contents: string,
  schema: z.ZodType,
  data: Record<string, unknown> = parseFrontmatter(contents).frontmatter,
): PrintedSchemaError {
  const result = schema.safeParse(data);
  if (result.success) throw new Error('expected the frontmatter not to match the schema');
  let at: string | undefined;
  const issues = result.error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    const position = fieldPosition(contents, issue.path);
    if (!position) return `${field}: ${issue.message}`;
    at ??= `${position.line}:${position.column}`;
    return `${field} (line ${position.line}): ${issue.message}`;
  });
  return { ...(at === undefined ? {} : { at }), issues };
}
