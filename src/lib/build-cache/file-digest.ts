// Runtime imports only from Node: scripts/draw-cards-ahead.mjs and the bench run this file in
// plain Node (type stripping), through cards/key.ts.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

const digests = new Map<string, string>();

/**
 * SHA-256 (hex) of a file's bytes, remembered for as long as the file keeps its size and
 * modification time: a build asks for a photograph's digest several times (the social card's
 * cache key, the card's and the article page's incremental-build keys, the feeds'), and a
 * photograph is half a megabyte or more.
 * @param file an absolute path
 * @example fileDigest('/site/src/content/articles/harvest/lead.jpg') // '9b0e…' (64 hex digits)
 */
export function fileDigest(file: string): string {
  const { size, mtimeMs } = statSync(file);
  const key = `${file}\0${size}\0${mtimeMs}`;
  let digest = digests.get(key);
  if (digest === undefined) {
    digest = createHash('sha256').update(readFileSync(file)).digest('hex');
    digests.set(key, digest);
  }
  return digest;
}
