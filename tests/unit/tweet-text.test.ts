import { describe, expect, it } from 'vitest';
import { initials, linkify } from '../../src/components/mdx/tweet-text';

describe('linkify', () => {
  it('links @mentions to the profile on x.com and keeps the words around them', () => {
    expect(linkify('I am hosting @Bayramov_Jeyhun at the Ministry.')).toEqual([
      { text: 'I am hosting ' },
      { text: '@Bayramov_Jeyhun', href: 'https://x.com/Bayramov_Jeyhun' },
      { text: ' at the Ministry.' },
    ]);
  });

  it('links a bare pic.twitter.com address and keeps its text as written', () => {
    expect(linkify('between our countries, pic.twitter.com/K9Mr8WqeCE')).toEqual([
      { text: 'between our countries, ' },
      { text: 'pic.twitter.com/K9Mr8WqeCE', href: 'https://pic.twitter.com/K9Mr8WqeCE' },
    ]);
  });

  it('leaves trailing punctuation out of a link, and e-mail addresses alone', () => {
    expect(linkify('See https://www.jns.org/x. Mail a@b.org #Israel')).toEqual([
      { text: 'See ' },
      { text: 'https://www.jns.org/x', href: 'https://www.jns.org/x' },
      { text: '. Mail a@b.org ' },
      { text: '#Israel', href: 'https://x.com/hashtag/Israel' },
    ]);
  });

  it('returns plain text untouched', () => {
    expect(linkify('History!')).toEqual([{ text: 'History!' }]);
  });
});

describe('initials', () => {
  it('takes the Latin part of a mixed Hebrew and Latin name', () => {
    expect(initials('אלי כהן | Eli Cohen')).toBe('EC');
  });
  it('works for a one-word or Hebrew-only name', () => {
    expect(initials('JNS')).toBe('J');
    expect(initials('אלי כהן')).toBe('אכ');
  });
});
