/**
 * A URL slug for any name the site files things under: a tag, a byline, an article's file name.
 * Lower case; letters and digits in any script kept; every other run of characters one hyphen.
 * @example slugify('Eli Cohen') // 'eli-cohen'
 * @example slugify('Azerbaijan-Opens-Embassy-In-Israel') // 'azerbaijan-opens-embassy-in-israel'
 */
export function slugify(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
