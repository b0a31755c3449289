/**
 * A tag's URL slug: lower case, letters and digits in any script kept, everything else a hyphen.
 * @example tagSlug('Eli Cohen') // 'eli-cohen'
 */
export function tagSlug(tag: string): string {
  return tag
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
