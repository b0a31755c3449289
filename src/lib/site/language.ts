const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/**
 * Whether `value` is a BCP 47 language tag a reader, a browser and a feed validator all accept:
 * well formed ("en", "he", "en-US", "zh-Hant-TW"; the platform's own parser decides, as
 * `Intl.getCanonicalLocales` throws on a malformed tag) and with an assigned ISO 639 language
 * ("zz" or "xx" are well formed but mean nothing). The one definition for the site config, the
 * article and post schemas, and the feed tests.
 * @example isLanguageTag('he') // true
 * @example isLanguageTag('English') // false
 * @example isLanguageTag('en_US') // false (a POSIX locale, not a tag)
 */
export function isLanguageTag(value: string): boolean {
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(value)) return false;
  try {
    Intl.getCanonicalLocales(value);
  } catch {
    return false;
  }
  // Display names exist for assigned ISO 639 codes only.
  return languageNames.of(value.split('-')[0] ?? '') !== undefined;
}
