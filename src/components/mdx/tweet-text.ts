/** A run of a post's text: plain words, or a link with what it shows. */
export type TweetPart = { readonly text: string } | { readonly text: string; readonly href: string };

// Links written out (https://…) or bare (pic.twitter.com/…), @mentions and #hashtags, as X shows them.
const TOKEN =
  /(https?:\/\/[^\s]+|\b(?:pic\.twitter\.com|pic\.x\.com|t\.co|x\.com|twitter\.com)\/[^\s]+|(?<![\w@])@[A-Za-z0-9_]{1,15}\b|(?<![\w#])#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)/gu;
const TRAILING_PUNCTUATION = /[.,;:!?)\]'"’”]+$/;

/**
 * Splits one line of a post into text and links, the way X shows it: URLs, @mentions (to the
 * profile on x.com) and #hashtags become links; everything else stays text, unchanged.
 * @example linkify('hosting @Bayramov_Jeyhun') // [{ text: 'hosting ' }, { text: '@Bayramov_Jeyhun', href: 'https://x.com/Bayramov_Jeyhun' }]
 */
export function linkify(line: string): TweetPart[] {
  const parts: TweetPart[] = [];
  let last = 0;
  for (const match of line.matchAll(TOKEN)) {
    let token = match[0];
    const start = match.index;
    if (!token.startsWith('@') && !token.startsWith('#')) {
      token = token.replace(TRAILING_PUNCTUATION, '');
    }
    if (start > last) parts.push({ text: line.slice(last, start) });
    parts.push({ text: token, href: hrefFor(token) });
    last = start + token.length;
  }
  if (last < line.length) parts.push({ text: line.slice(last) });
  return parts;
}

function hrefFor(token: string): string {
  if (token.startsWith('@')) return `https://x.com/${token.slice(1)}`;
  if (token.startsWith('#')) return `https://x.com/hashtag/${encodeURIComponent(token.slice(1))}`;
  return /^https?:\/\//.test(token) ? token : `https://${token}`;
}

/**
 * The initials shown in the author's badge (instead of a tracked avatar): from the last
 * "|"-separated part of the display name, first and last word.
 * @example initials('אלי כהן | Eli Cohen') // 'EC'
 */
export function initials(name: string): string {
  const part =
    name
      .split('|')
      .map((p) => p.trim())
      .filter(Boolean)
      .at(-1) ?? name;
  const words = part.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const first = words[0]?.match(/\p{L}/u)?.[0] ?? '';
  const last = words.length > 1 ? (words.at(-1)?.match(/\p{L}/u)?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}
