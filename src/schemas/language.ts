import { z } from 'astro/zod';
import { isLanguageTag } from '../lib/site/language.ts';

/**
 * A BCP 47 language tag field (see `isLanguageTag`), e.g. "en" or "he".
 * @param example how the field is written where it is used, e.g. 'lang="en"' or '"en"'
 */
export function languageTag(example: string) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `is required: the language, e.g. ${example}`
          : `must be text, e.g. ${example}`,
    })
    .refine(isLanguageTag, {
      error: (issue) =>
        `must be a BCP 47 language tag such as "en" or "he", received ${JSON.stringify(issue.input)}`,
    });
}
