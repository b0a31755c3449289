import { z } from 'astro/zod';

/**
 * An object with exactly `fields`, where each unknown field is an issue at its own path.
 *
 * A `z.strictObject` reports all unknown keys in one issue at the object's path, which is empty
 * at the top of a frontmatter: Astro prints each issue as `**<path>**: message`, so the author
 * read `****: unknown field "twitter"`. Here each unknown key is reported at `[...path, key]`
 * (`twitter: unknown field; an author has name, role, links`, `corrections.0.note: …`) and
 * removed before the fields are checked, so the other fields' issues are still reported and the
 * output type is the strict object's. The issue keeps zod's code, `unrecognized_keys`, which is
 * what it is (and which, unlike any other issue, lets the fields be checked after it).
 * @param fields the object's fields
 * @param known the end of the message: what the valid fields are, e.g. "an author has name, role, links"
 * @example knownFields({ name: z.string() }, 'an author has name') // { name: 'x', twitter: 1 } → "twitter: unknown field; an author has name"
 */
export function knownFields<Fields extends z.core.$ZodLooseShape>(fields: Fields, known: string) {
  const names = new Set(Object.keys(fields));
  return z.preprocess((input, ctx) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return input; // the object says why
    const object = input as Record<string, unknown>;
    const unknown = Object.keys(object).filter((key) => !names.has(key));
    if (unknown.length === 0) return object;
    for (const key of unknown) {
      ctx.addIssue({
        code: 'unrecognized_keys',
        keys: [key],
        path: [key],
        input: object,
        message: `unknown field; ${known}`,
      });
    }
    return Object.fromEntries(Object.entries(object).filter(([key]) => names.has(key)));
  }, z.strictObject(fields));
}
